#include "analyze/analyze.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

namespace claimlint::analyze {

namespace {

// Whether an antipattern of `rule` matches a span of the sentence that
// overlaps the hit ("a proven track record" spares "proven").
bool SparedByAntipattern(const rules::Rule& rule, std::string_view folded_text,
                         Span sentence, Span hit) {
  std::string_view text = Slice(folded_text, sentence);
  for (const rules::Pattern& pattern : rule.unless) {
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

}  // namespace

std::vector<Finding> Analyze(const rules::CompiledPack& pack,
                             const input::Document& document,
                             const text::Folded& folded,
                             const match::Matches& matches) {
  std::vector<Finding> findings;
  if (matches.hits.empty()) return findings;
  std::string_view source = document.source->bytes;
  LineIndex lines(source);
  // Occurrences of (rule, sentence text) so far: the fingerprint's index.
  std::map<std::pair<std::string_view, std::string_view>, int> occurrences;
  for (const match::Hit& hit : matches.hits) {
    const rules::Rule& rule = pack.rules()[hit.rule];
    const text::Sentence& sentence = matches.sentences[hit.sentence];
    if (SparedByAntipattern(rule, folded.text, sentence.folded, hit.folded)) continue;
    Finding finding;
    finding.rule = &rule;
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
    hash = Fnv1a64(std::to_string(occurrence), hash);
    finding.fingerprint = Hex64(hash);
    findings.push_back(std::move(finding));
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.source.begin != b.source.begin) return a.source.begin < b.source.begin;
    if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
    return a.source.end < b.source.end;
  });
  return findings;
}

}  // namespace claimlint::analyze
