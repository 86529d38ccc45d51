#include "analyze/analyze.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "analyze/context.h"
#include "analyze/disclaimers.h"
#include "analyze/support.h"

namespace claimlint::analyze {

namespace {

// Whether an antipattern of `rule` matches a span of the sentence that
// overlaps the hit ("a proven track record" spares "proven").
bool SparedByAntipattern(const rules::Rule& rule, std::string_view folded_text, Span sentence,
                         Span hit) {
  std::string_view text = Slice(folded_text, sentence);
  for (const rules::Pattern& pattern : rule.unless) {
    if (!pattern.MayMatch(text)) continue;  // spares compiling it
    size_t position = 0;
    re2::StringPiece match;
    while (position <= text.size() &&
           pattern.re->Match(text, position, text.size(), RE2::UNANCHORED, &match, 1)) {
      uint32_t begin = sentence.begin + static_cast<uint32_t>(match.data() - text.data());
      uint32_t end = begin + static_cast<uint32_t>(match.size());
      if (begin < hit.end && hit.begin < end) return true;
      position = match.data() - text.data() + std::max<size_t>(match.size(), 1);
    }
  }
  return false;
}

// The sentence as shown to a reader: its source bytes with every line
// break and tab turned into a space (byte for byte, so offsets into it
// still line up with the source).
std::string DisplaySentence(std::string_view source_sentence) {
  std::string out(source_sentence);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') c = ' ';
  }
  return out;
}

bool IsLineBreakOrEdge(std::string_view prose, uint32_t offset, Span block, bool forward) {
  while (forward ? offset < block.end : offset > block.begin) {
    char c = forward ? prose[offset] : prose[offset - 1];
    if (c == '\n' || c == '\r') return true;
    if (c != ' ' && c != '\t') return false;
    forward ? ++offset : --offset;
  }
  return true;
}

// A heading block, or in plain text a short line of its own with no
// closing punctuation but a question mark ("How Massage Therapy Helps").
bool IsHeading(const input::Document& document, const input::Block& block,
               const text::Sentence& sentence) {
  if (block.kind == input::BlockKind::kHeading || block.kind == input::BlockKind::kTitle) {
    return true;
  }
  std::string_view text = Slice(document.prose, sentence.prose);
  if (text.empty() || text.size() > 120) return false;
  // A question can be a heading ("Can Massage Cure Sciatica?"); a full stop
  // or a comma means running text.
  char last = text.back();
  if (last == '.' || last == '!' || last == ':' || last == ',' || last == ';' ||
      text.ends_with("\xE2\x80\xA6")) {
    return false;
  }
  return IsLineBreakOrEdge(document.prose, sentence.prose.begin, block.prose, false) &&
         IsLineBreakOrEdge(document.prose, sentence.prose.end, block.prose, true);
}

Severity Lower(Severity severity) {
  return severity == Severity::kError ? Severity::kWarning : Severity::kInfo;
}

// Applies a context action to the finding's severity and records why.
// False when the action is "skip": the claim is spared.
bool Apply(const rules::Action& action, const std::string& context, Finding& finding) {
  Severity before = finding.severity;
  switch (action.kind) {
    case rules::Action::kSkip:
      finding.reasons.push_back(context + ": spared (rule action: skip)");
      return false;
    case rules::Action::kKeep:
      finding.reasons.push_back(context + ": stays " + std::string(SeverityName(before)));
      return true;
    case rules::Action::kDowngrade:
      finding.severity = Lower(before);
      break;
    case rules::Action::kSet:
      finding.severity = action.severity;
      break;
  }
  finding.reasons.push_back(context + ": " + std::string(SeverityName(before)) + " -> " +
                            std::string(SeverityName(finding.severity)) + " (rule action: " +
                            action.Name() + ")");
  return true;
}

// The sentence after `index`: the next one of its block, or the first of
// the next block (split on demand; those blocks had no candidates).
class NextSentences {
 public:
  NextSentences(const input::Document& document, const text::Folded& folded,
                const match::Matches& matches)
      : document_(document), folded_(folded), matches_(matches) {}

  const text::Sentence* After(uint32_t index) {
    uint32_t block = matches_.sentence_blocks[index];
    if (index + 1 < matches_.sentences.size() && matches_.sentence_blocks[index + 1] == block) {
      return &matches_.sentences[index + 1];
    }
    if (block + 1 >= document_.blocks.size()) return nullptr;
    auto [it, inserted] = first_of_block_.try_emplace(block + 1);
    if (inserted) {
      std::vector<text::Sentence> sentences =
          text::SplitSentences(document_, folded_, document_.blocks[block + 1].prose);
      if (!sentences.empty()) it->second = sentences.front();
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  const input::Document& document_;
  const text::Folded& folded_;
  const match::Matches& matches_;
  std::map<uint32_t, std::optional<text::Sentence>> first_of_block_;
};

void SortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.source.begin != b.source.begin) return a.source.begin < b.source.begin;
    if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
    return a.source.end < b.source.end;
  });
}

}  // namespace

Analysis Analyze(const rules::CompiledPack& pack, const input::Document& document,
                 const text::Folded& folded, const match::Matches& matches, DocumentCues& cues) {
  Analysis analysis;
  if (matches.hits.empty()) return analysis;
  std::string_view source = document.source->bytes;
  LineIndex lines(source);
  EvidenceFinder evidence(cues, document, folded);
  NextSentences next_sentences(document, folded, matches);
  std::vector<Span> read_within;
  for (const match::Hit& hit : matches.hits) {
    read_within.push_back(matches.sentences[hit.sentence].folded);
    if (const text::Sentence* next = next_sentences.After(hit.sentence)) {
      read_within.push_back(next->folded);
    }
  }
  std::sort(read_within.begin(), read_within.end(), [](Span a, Span b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  read_within.erase(std::unique(read_within.begin(), read_within.end()), read_within.end());
  cues.ReadWithin(read_within);
  // Occurrences of (rule, sentence text) so far: the fingerprint's index.
  std::map<std::pair<std::string_view, std::string_view>, int> occurrences;
  for (const match::Hit& hit : matches.hits) {
    const rules::Rule& rule = pack.rules()[hit.rule];
    const text::Sentence& sentence = matches.sentences[hit.sentence];
    if (SparedByAntipattern(rule, folded.text, sentence.folded, hit.folded)) continue;
    Finding finding;
    finding.rule = &rule;
    // A rewrite replaces what its own pattern matched; a hit that another
    // pattern of the rule widened covers more than that and gets none.
    const rules::Pattern& pattern = rule.patterns[hit.pattern];
    if (!pattern.fix.empty() && !hit.widened) finding.fix = pattern.fix;
    finding.severity = rule.severity;
    finding.message = rule.message;
    finding.source = document.ToSource(folded.to_prose.ToOrigin(hit.folded));
    finding.start = lines.At(finding.source.begin);
    finding.end = lines.At(finding.source.end);
    finding.text = std::string(Slice(source, finding.source));
    Span sentence_source = document.ToSource(sentence.prose);
    finding.sentence_source = sentence_source;
    finding.sentence = DisplaySentence(Slice(source, sentence_source));
    finding.text_in_sentence = finding.source.begin - sentence_source.begin;
    std::string_view folded_sentence = Slice(folded.text, sentence.folded);
    int occurrence = occurrences[{rule.id, folded_sentence}]++;
    uint64_t hash = Fnv1a64(rule.id);
    hash = Fnv1a64(std::string_view("\0", 1), hash);
    hash = Fnv1a64(folded_sentence, hash);
    finding.fingerprint = Hex64(Fnv1a64(std::to_string(occurrence), hash));

    // Read every context first, then apply the rule's actions in the order
    // of the severity model until one spares the claim.
    const text::Sentence* next = next_sentences.After(hit.sentence);
    Span claim{hit.folded.begin - sentence.folded.begin, hit.folded.end - sentence.folded.begin};
    ClaimContext context = ReadContext(cues, folded_sentence, claim,
                                       next ? Slice(folded.text, next->folded) : "",
                                       &rule.patterns[hit.pattern]);
    finding.support = evidence.Find(sentence, next);
    bool heading = IsHeading(document, document.blocks[matches.sentence_blocks[hit.sentence]],
                             sentence);
    finding.negated = !context.negation.empty();
    finding.hedged = !context.hedge.empty();
    finding.supported = !finding.support.empty();
    finding.reasons.push_back("rule default: " + std::string(SeverityName(rule.severity)));
    struct Step {
      bool applies;
      const char* name;
      std::string why;
      const rules::Action& action;
    };
    const Step steps[] = {
        {finding.negated, "negated", "negated by \"" + context.negation + "\"", rule.policy.negated},
        {finding.hedged, "hedged", "hedged by \"" + context.hedge + "\"", rule.policy.hedged},
        {finding.supported, "supported", "supported by " + finding.support, rule.policy.supported},
        {context.question, "question", "asked as a question", rule.policy.question},
        {heading, "heading", "in a heading", rule.policy.heading},
        {context.quoted && !finding.negated, "quoted", "in quotation marks", rule.policy.quoted},
    };
    bool reported = true;
    for (const Step& step : steps) {
      if (!step.applies) continue;
      finding.contexts.push_back(step.name);
      if (reported) reported = Apply(step.action, step.why, finding);
    }
    (reported ? analysis.findings : analysis.spared).push_back(std::move(finding));
  }
  SortFindings(analysis.findings);
  CheckDisclaimers(pack, document, folded, cues.literals(), analysis.findings);
  SortFindings(analysis.findings);
  SortFindings(analysis.spared);
  return analysis;
}

}  // namespace claimlint::analyze
