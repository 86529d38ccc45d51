#include "match/match.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace claimlint::match {

namespace {

// Pattern indices (into prefilter_refs) that may match a block, `text`:
// from the pack's prefilter, or from its document's (`document`); all
// without a prefilter.
std::vector<int> BlockCandidates(const rules::CompiledPack& pack, std::string_view text,
                                 bool use_prefilter,
                                 const std::optional<rules::DocumentPrefilter>& document) {
  if (!use_prefilter) {
    std::vector<int> candidates(pack.prefilter_refs().size());
    std::iota(candidates.begin(), candidates.end(), 0);
    return candidates;
  }
  if (document) return document->Narrow(text, document->candidates());
  return pack.prefilter().Candidates(text);
}

// The RE2 of each candidate pattern for one document: the pack's own (a
// batch), or with per_document_near one compiled for the sentences the
// pattern is tried on: a near pattern cut to the document's words
// (NearToRegexFor), then any pattern without the alternatives those
// sentences lack (PruneAlternatives). The same matches there, from a far
// smaller program.
class DocumentPatterns {
 public:
  // `runs`: the document's, to cut near patterns to; null: whole patterns.
  DocumentPatterns(const rules::CompiledPack& pack, const rules::TextRuns* runs)
      : pack_(pack), runs_(runs) {}

  // A batch's: the pack's own, compiled on first use, once.
  const RE2* Get(int candidate) { return &*PatternOf(candidate).re; }

  // For ConfirmInParallel: every candidate's slot is made before any job
  // starts (Reserve), so that each job only fills its own (Compile, which
  // returns null when the pattern cannot match in `sentences`, the folded
  // text of the sentences it is tried on).
  void Reserve(int candidate) { compiled_.try_emplace(candidate); }
  const RE2* Compile(int candidate, std::string_view sentences) {
    const rules::Pattern& pattern = PatternOf(candidate);
    std::string regex = pattern.near ? rules::NearToRegexFor(*pattern.near, *runs_)
                                     : pattern.re.regex();
    std::unique_ptr<RE2>& slot = compiled_.at(candidate);
    if (!regex.empty()) {
      slot = std::make_unique<RE2>(rules::PruneAlternatives(regex, sentences),
                                   pattern.re.options());
    }
    return slot.get();
  }

 private:
  const rules::Pattern& PatternOf(int candidate) const {
    return pack_.prefilter().PatternOf(candidate);
  }

  const rules::CompiledPack& pack_;
  const rules::TextRuns* runs_;
  std::unordered_map<int, std::unique_ptr<RE2>> compiled_;
};

// Adds the hits of `re` (candidate `ref`) in sentence `sentence_index`,
// found by MatchLeftmost when `without_reverse` (a one-document run).
void Confirm(const RE2& re, const rules::PatternRef& ref, const text::Folded& folded,
             uint32_t sentence_index, Span sentence, bool without_reverse,
             std::vector<Hit>& hits) {
  std::string_view text = Slice(folded.text, sentence);
  size_t position = 0;
  re2::StringPiece match;
  while (position <= text.size() && MatchFrom(re, text, position, without_reverse, &match)) {
    size_t begin = match.data() - text.data();
    size_t end = begin + match.size();
    if (end > begin) {
      hits.push_back({ref.rule, ref.pattern, sentence_index,
                      {sentence.begin + static_cast<uint32_t>(begin),
                       sentence.begin + static_cast<uint32_t>(end)}});
    }
    position = end > begin ? end : end + 1;
  }
}

void ConfirmInSentence(const rules::CompiledPack& pack, const text::Folded& folded,
                       const std::vector<int>& candidates, uint32_t sentence_index,
                       Span sentence, DocumentPatterns& patterns, std::vector<Hit>& hits) {
  for (int candidate : candidates) {
    if (const RE2* re = patterns.Get(candidate)) {
      Confirm(*re, pack.prefilter_refs()[candidate], folded, sentence_index, sentence,
              /*without_reverse=*/false, hits);
    }
  }
}

// One job per candidate pattern, on two cores: compile it, then confirm it
// in the sentences that proposed it. Compiling is most of a one-document
// run; a pattern's matching (which builds its DFA, and its reverse program
// for the span) then overlaps the compiling of the others.
std::vector<Hit> ConfirmInParallel(const rules::CompiledPack& pack, const text::Folded& folded,
                                   const std::vector<text::Sentence>& sentences,
                                   const std::vector<std::vector<int>>& sentence_candidates,
                                   DocumentPatterns& patterns) {
  std::map<int, std::vector<uint32_t>> sentences_of;  // by candidate
  for (uint32_t s = 0; s < sentence_candidates.size(); ++s) {
    for (int candidate : sentence_candidates[s]) sentences_of[candidate].push_back(s);
  }
  std::vector<std::pair<int, const std::vector<uint32_t>*>> jobs;
  for (const auto& [candidate, in] : sentences_of) {
    patterns.Reserve(candidate);
    jobs.emplace_back(candidate, &in);
  }
  // Longest first, so that no long compile starts last: regex patterns by
  // the length of their source (the longest take several near patterns'
  // time), then the near patterns, which are cut to the document.
  auto regex_size = [&](int candidate) -> size_t {
    const rules::Pattern& pattern = pack.prefilter().PatternOf(candidate);
    return pattern.near ? 0 : pattern.re.regex().size();
  };
  std::stable_sort(jobs.begin(), jobs.end(), [&](const auto& a, const auto& b) {
    return regex_size(a.first) > regex_size(b.first);
  });
  std::vector<std::vector<Hit>> hits(jobs.size());
  RunJobs(jobs.size(), [&](size_t j) {
    auto [candidate, in] = jobs[j];
    std::string text;
    for (uint32_t s : *in) text.append(Slice(folded.text, sentences[s].folded)).push_back('\n');
    const RE2* re = patterns.Compile(candidate, text);
    if (re == nullptr) return;
    for (uint32_t s : *in) {
      Confirm(*re, pack.prefilter_refs()[candidate], folded, s, sentences[s].folded,
              /*without_reverse=*/true, hits[j]);
    }
    // The analysis tries each hit's rule's antipatterns on its sentence, on
    // one core: those that may match there compile here, on two.
    const rules::Rule& rule = pack.rules()[pack.prefilter_refs()[candidate].rule];
    for (const rules::Pattern& antipattern : rule.unless) {
      for (const Hit& hit : hits[j]) {
        if (antipattern.MayMatch(Slice(folded.text, sentences[hit.sentence].folded))) {
          (void)*antipattern.re;  // compiles it (once, whichever thread asks first)
          break;
        }
      }
    }
  });
  std::vector<Hit> all;
  for (std::vector<Hit>& some : hits) all.insert(all.end(), some.begin(), some.end());
  return all;
}

// Keeps one hit per rule where its patterns overlap, so one claim is one
// finding: the earliest (then longest) hit, widened to cover the hits of
// the same rule that overlap it ("drink water ... to flush out" and "flush
// out the toxins" are one claim).
void MergeOverlaps(std::vector<Hit>& hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.folded.begin != b.folded.begin) return a.folded.begin < b.folded.begin;
    if (a.folded.end != b.folded.end) return a.folded.end > b.folded.end;
    return a.pattern < b.pattern;
  });
  std::vector<Hit> kept;
  for (const Hit& hit : hits) {
    if (!kept.empty() && kept.back().rule == hit.rule &&
        hit.folded.begin < kept.back().folded.end) {
      if (hit.folded.end > kept.back().folded.end) {
        kept.back().folded.end = hit.folded.end;
        kept.back().widened = true;
      }
      continue;
    }
    kept.push_back(hit);
  }
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) {
    if (a.folded.begin != b.folded.begin) return a.folded.begin < b.folded.begin;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.pattern < b.pattern;
  });
  hits = std::move(kept);
}

}  // namespace

Matches FindMatches(const rules::CompiledPack& pack, const input::Document& document,
                    const text::Folded& folded, const MatchOptions& options) {
  Matches matches;
  std::optional<rules::TextRuns> runs;
  if (options.per_document_near) runs.emplace(folded.text);
  DocumentPatterns patterns(pack, runs ? &*runs : nullptr);
  std::vector<std::vector<int>> sentence_candidates;  // per sentence
  // A run of few documents proposes from the document's own prefilter:
  // the Set and the whole word index would cost more than its matching.
  std::optional<rules::DocumentPrefilter> document_prefilter;
  if (options.use_prefilter && runs && pack.prefilter().per_document_ok()) {
    document_prefilter = pack.prefilter().ForDocument(folded.text, *runs);
  }
  for (uint32_t b = 0; b < document.blocks.size(); ++b) {
    const input::Block& block = document.blocks[b];
    Span block_folded = folded.to_prose.ToTarget(block.prose);
    std::vector<int> candidates = BlockCandidates(pack, Slice(folded.text, block_folded),
                                                  options.use_prefilter, document_prefilter);
    if (candidates.empty()) continue;
    for (const text::Sentence& sentence : text::SplitSentences(document, folded, block.prose)) {
      matches.sentences.push_back(sentence);
      matches.sentence_blocks.push_back(b);
      std::string_view text = Slice(folded.text, sentence.folded);
      sentence_candidates.push_back(
          !options.use_prefilter ? candidates
          : document_prefilter   ? document_prefilter->Narrow(text, candidates)
                                 : pack.prefilter().Narrow(text, candidates));
    }
  }
  // A batch keeps every core busy with documents already.
  if (options.per_document_near) {
    matches.hits = ConfirmInParallel(pack, folded, matches.sentences, sentence_candidates, patterns);
  } else {
    for (uint32_t s = 0; s < matches.sentences.size(); ++s) {
      ConfirmInSentence(pack, folded, sentence_candidates[s], s, matches.sentences[s].folded,
                        patterns, matches.hits);
    }
  }
  // Sorts them: the order they were found in does not matter.
  MergeOverlaps(matches.hits);
  return matches;
}

bool MatchLeftmost(const RE2& re, std::string_view text, size_t position,
                   re2::StringPiece* match) {
  // A text it does not match costs one forward pass.
  if (!re.Match(text, position, text.size(), RE2::UNANCHORED, nullptr, 0)) return false;
  for (size_t start = position; start <= text.size(); ++start) {
    if (re.Match(text, start, text.size(), RE2::ANCHOR_START, match, 1)) return true;
  }
  return false;  // not reached: some start has the match found above
}

bool MatchFrom(const RE2& re, std::string_view text, size_t position, bool without_reverse,
               re2::StringPiece* match) {
  if (without_reverse) return MatchLeftmost(re, text, position, match);
  return re.Match(text, position, text.size(), RE2::UNANCHORED, match, 1);
}

}  // namespace claimlint::match
