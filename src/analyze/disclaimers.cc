#include "analyze/disclaimers.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace claimlint::analyze {

namespace {

// Index of the block holding prose offset `offset` (the nearest block
// before it when it falls between blocks).
uint32_t BlockOf(const input::Document& document, uint32_t offset) {
  auto it = std::upper_bound(document.blocks.begin(), document.blocks.end(), offset,
                             [](uint32_t value, const input::Block& block) {
                               return value < block.prose.begin;
                             });
  return it == document.blocks.begin() ? 0 : static_cast<uint32_t>(it - document.blocks.begin() - 1);
}

// For each pattern of `rule`, the blocks where it matches; `present` says
// which disclaimer patterns of the pack occur in the document at all.
std::vector<std::vector<uint32_t>> MatchBlocks(const rules::Rule& rule,
                                               const std::vector<bool>& present,
                                               const input::Document& document,
                                               const text::Folded& folded) {
  std::vector<std::vector<uint32_t>> blocks(rule.patterns.size());
  std::string_view text = folded.text;
  for (size_t p = 0; p < rule.patterns.size(); ++p) {
    if (!present[p]) continue;
    re2::StringPiece match;
    size_t position = 0;
    while (position <= text.size() &&
           rule.patterns[p].re->Match(text, position, text.size(), RE2::UNANCHORED, &match, 1)) {
      uint32_t begin = static_cast<uint32_t>(match.data() - text.data());
      uint32_t prose = folded.to_prose.ToOrigin({begin, begin}).begin;
      blocks[p].push_back(BlockOf(document, prose));
      position = begin + std::max<size_t>(match.size(), 1);
    }
  }
  return blocks;
}

// How many of the patterns match in a block within [low, high].
size_t PartsFound(const std::vector<std::vector<uint32_t>>& blocks, uint32_t low, uint32_t high) {
  size_t found = 0;
  for (const std::vector<uint32_t>& pattern_blocks : blocks) {
    if (std::any_of(pattern_blocks.begin(), pattern_blocks.end(),
                    [&](uint32_t b) { return b >= low && b <= high; })) {
      ++found;
    }
  }
  return found;
}

// Whether the requirement applies to this document at all: its `when`
// patterns (product words, say) are empty or one of them matches.
// `literals`, when given, spare compiling a pattern the text cannot match.
bool Applies(const rules::Rule& requirement, std::string_view folded_text,
             const rules::TextLiterals* literals) {
  if (requirement.when.empty()) return true;
  return std::any_of(requirement.when.begin(), requirement.when.end(),
                     [&](const rules::Pattern& pattern) {
                       return (literals == nullptr || pattern.MayMatch(*literals)) &&
                              pattern.re->Match(folded_text, 0, folded_text.size(),
                                                RE2::UNANCHORED, nullptr, 0);
                     });
}

bool Triggers(const rules::Rule& requirement, const Finding& claim) {
  const std::string& category = claim.rule->category;
  const std::string& id = claim.rule->id;
  return std::find(requirement.trigger_categories.begin(), requirement.trigger_categories.end(),
                   category) != requirement.trigger_categories.end() ||
         std::find(requirement.trigger_rules.begin(), requirement.trigger_rules.end(), id) !=
             requirement.trigger_rules.end();
}

}  // namespace

void CheckDisclaimers(const rules::CompiledPack& pack, const input::Document& document,
                      const text::Folded& folded, const rules::TextLiterals* literals,
                      std::vector<Finding>& findings) {
  std::vector<Finding> missing;
  // Which disclaimer patterns occur anywhere, in one pass; computed on the
  // first requirement a claim triggers. Set failure: assume all may occur.
  std::optional<std::vector<int>> present_ids;
  const uint32_t last_block =
      document.blocks.empty() ? 0 : static_cast<uint32_t>(document.blocks.size() - 1);
  for (const rules::Rule& requirement : pack.rules()) {
    if (requirement.kind != rules::RuleKind::kDisclaimer) continue;
    std::vector<const Finding*> triggers;
    for (const Finding& finding : findings) {
      // A claim reported although negated ("no oil is 100% safe") needs no disclaimer.
      if (finding.kind == "claim" && !finding.negated && Triggers(requirement, finding)) {
        triggers.push_back(&finding);
      }
    }
    if (triggers.empty() || !Applies(requirement, folded.text, literals)) continue;
    std::vector<bool> present(requirement.patterns.size(), false);
    if (literals != nullptr) {
      for (size_t p = 0; p < present.size(); ++p) {
        present[p] = requirement.patterns[p].MayMatch(*literals);
      }
    } else {
      if (!present_ids) {
        present_ids.emplace();
        RE2::Set::ErrorInfo error;
        if (!pack.disclaimer_prefilter().Match(folded.text, &*present_ids, &error) &&
            error.kind != RE2::Set::kNoError) {
          present_ids->resize(pack.disclaimer_refs().size());
          std::iota(present_ids->begin(), present_ids->end(), 0);
        }
      }
      const uint32_t rule_index = static_cast<uint32_t>(&requirement - pack.rules().data());
      for (int id : *present_ids) {
        const rules::PatternRef& ref = pack.disclaimer_refs()[id];
        if (ref.rule == rule_index) present[ref.pattern] = true;
      }
    }
    std::vector<std::vector<uint32_t>> blocks =
        MatchBlocks(requirement, present, document, folded);
    const size_t needed = requirement.require_all ? requirement.patterns.size() : 1;
    std::vector<const Finding*> lacking;
    size_t best_found = 0;
    for (const Finding* claim : triggers) {
      uint32_t low = 0, high = last_block;
      if (requirement.placement == rules::Placement::kNearClaim) {
        uint32_t block = BlockOf(document, document.to_source.ToTarget(claim->source).begin);
        low = block > requirement.within ? block - requirement.within : 0;
        high = block + requirement.within;
      } else if (requirement.placement == rules::Placement::kEnd) {
        low = last_block >= requirement.within ? last_block + 1 - requirement.within : 0;
      }
      size_t found = PartsFound(blocks, low, high);
      best_found = std::max(best_found, found);
      if (found < needed) lacking.push_back(claim);
      // Anywhere and at the end are document-wide: one look decides.
      if (requirement.placement != rules::Placement::kNearClaim) {
        if (found < needed) lacking = triggers;
        break;
      }
    }
    if (lacking.empty()) continue;
    const Finding& first = *lacking.front();
    Finding finding;
    finding.rule = &requirement;
    finding.kind = "missing-disclaimer";
    finding.severity = requirement.severity;
    finding.message = requirement.message;
    if (requirement.require_all && best_found > 0) {
      finding.message += " (incomplete: " + std::to_string(best_found) + " of " +
                         std::to_string(requirement.patterns.size()) + " required parts found)";
    }
    finding.source = first.source;
    finding.start = first.start;
    finding.end = first.end;
    finding.text = first.text;
    finding.sentence = first.sentence;
    finding.sentence_source = first.sentence_source;
    finding.text_in_sentence = first.text_in_sentence;
    finding.reasons.push_back("required by " + std::to_string(lacking.size()) + " claim(s); " +
                              (requirement.placement == rules::Placement::kAnywhere
                                   ? "not found anywhere in the document"
                               : requirement.placement == rules::Placement::kEnd
                                   ? "not found in the last " +
                                         std::to_string(requirement.within) + " block(s)"
                                   : "not found within " + std::to_string(requirement.within) +
                                         " block(s) of each claim"));
    for (const Finding* claim : lacking) {
      finding.triggers.push_back({claim->rule->id, claim->source, claim->start, claim->text});
    }
    finding.fingerprint = Hex64(Fnv1a64(requirement.id + "\n" + "missing-disclaimer"));
    missing.push_back(std::move(finding));
  }
  for (Finding& finding : missing) findings.push_back(std::move(finding));
}

}  // namespace claimlint::analyze
