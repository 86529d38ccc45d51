#include "analyze/context.h"

#include <algorithm>
#include <vector>

namespace claimlint::analyze {

namespace {

// How far a cue may stand from the claim, in words (NegEx uses about five).
constexpr int kNegationBeforeWords = 5;
constexpr int kNegationAfterWords = 3;
constexpr int kClauseWords = 1000;  // a clause-wide cue: only a scope end stops it
constexpr int kHedgeBeforeWords = 6;
constexpr int kHedgeAfterWords = 2;

std::vector<Span> AllMatches(const RE2* cues, std::string_view text, bool without_reverse) {
  std::vector<Span> spans;
  if (cues == nullptr) return spans;
  re2::StringPiece match;
  size_t position = 0;
  while (position <= text.size() &&
         match::MatchFrom(*cues, text, position, without_reverse, &match)) {
    uint32_t begin = static_cast<uint32_t>(match.data() - text.data());
    spans.push_back({begin, begin + static_cast<uint32_t>(match.size())});
    position = begin + std::max<size_t>(match.size(), 1);
  }
  return spans;
}

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80 || c == '\'';
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool word = IsWordByte(c);
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

bool ScopeEndsBetween(const std::vector<Span>& ends, uint32_t from, uint32_t to) {
  return std::any_of(ends.begin(), ends.end(),
                     [&](Span end) { return end.begin >= from && end.end <= to; });
}

// The cue nearest the claim among `cues` that stand within `max_words`
// before it (or after it, with `after`) with no scope end between and no
// pseudo-cue over them. With `needs_comma`, a cue after the claim counts
// only past a comma or bracket ("lowers cortisol, some clients report"):
// "safe oil that might cure" hedges the cure, not the safety.
std::string NearestCue(std::string_view sentence, Span claim, const std::vector<Span>& cues,
                       const std::vector<Span>& ends, const std::vector<Span>& pseudo,
                       int max_words, bool after, bool needs_comma = false) {
  std::string best;
  int best_distance = max_words + 1;
  for (Span cue : cues) {
    // A cue list matches leftmost-longest, so "may help" can run into the
    // claim "help with anxiety": what stands before the claim still counts.
    if (Overlaps(cue, claim)) {
      if (after || cue.begin >= claim.begin) continue;
      cue.end = claim.begin;
    }
    if (after ? cue.begin < claim.end : cue.end > claim.begin) continue;
    if (std::any_of(pseudo.begin(), pseudo.end(), [&](Span p) { return Overlaps(p, cue); })) {
      continue;
    }
    Span gap = after ? Span{claim.end, cue.begin} : Span{cue.end, claim.begin};
    if (needs_comma && Slice(sentence, gap).find_first_of(",(") == std::string_view::npos) {
      continue;
    }
    int distance = CountWords(Slice(sentence, gap));
    if (distance >= best_distance || ScopeEndsBetween(ends, gap.begin, gap.end)) continue;
    best_distance = distance;
    best = std::string(Slice(sentence, cue));
  }
  return best;
}

bool EndsWithQuestionMark(std::string_view sentence) {
  while (!sentence.empty() && (sentence.back() == ' ' || sentence.back() == '"' ||
                               sentence.back() == '\'' || sentence.back() == ')')) {
    sentence.remove_suffix(1);
  }
  return !sentence.empty() && sentence.back() == '?';
}

// Inside double quotes, or single quotes used as quotation marks (an
// opening quote after a space, a closing one before a non-letter).
bool IsQuoted(std::string_view sentence, Span claim) {
  std::string_view before = sentence.substr(0, claim.begin);
  std::string_view after = sentence.substr(claim.end);
  if (std::count(before.begin(), before.end(), '"') % 2 == 1 &&
      after.find('"') != std::string_view::npos) {
    return true;
  }
  size_t open = before.rfind('\'');
  if (open == std::string_view::npos || (open > 0 && before[open - 1] != ' ')) return false;
  for (size_t close = after.find('\''); close != std::string_view::npos;
       close = after.find('\'', close + 1)) {
    if (close + 1 == after.size() || !std::isalpha(static_cast<unsigned char>(after[close + 1]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

DocumentCues::DocumentCues(const rules::Lexicon& lexicon, std::string_view folded_document,
                           bool per_document)
    : lexicon_(lexicon),
      per_document_(per_document),
      folded_document_(folded_document),
      literals_(per_document ? folded_document : std::string_view()) {}

void DocumentCues::ReadWithin(const std::vector<Span>& folded_spans) {
  if (!per_document_) return;
  read_text_.clear();
  for (Span span : folded_spans) {
    // A literal that runs across a line break keeps an entry for nothing:
    // the cut list is larger, never wrong.
    read_text_.append(Slice(folded_document_, span)).push_back('\n');
  }
  read_literals_.emplace(read_text_);
  cut_ = {};
  compiled_ = {};
}

const RE2* DocumentCues::For(const rules::CueList& list) {
  if (!per_document_) return Whole(list);
  const auto lists = rules::CueLists(lexicon_);
  const size_t index = std::find(lists.begin(), lists.end(), &list) - lists.begin();
  if (!compiled_[index]) {
    std::string regex = list.RegexFor(read_literals_ ? *read_literals_ : literals_);
    if (!regex.empty()) cut_[index] = std::make_unique<RE2>(regex, list.re.options());
    compiled_[index] = true;
  }
  return cut_[index].get();
}

const RE2* DocumentCues::Whole(const rules::CueList& list) const {
  return list.empty() ? nullptr : &*list.re;
}

std::vector<Span> DocumentCues::AllMatches(const rules::CueList& list, std::string_view text) {
  return analyze::AllMatches(For(list), text, per_document_);
}

std::string DocumentCues::FirstMatch(const rules::CueList& list, std::string_view text) {
  return analyze::FirstMatch(For(list), text, per_document_);
}

std::string FirstMatch(const RE2* cues, std::string_view text, bool without_reverse) {
  re2::StringPiece match;
  if (cues == nullptr || !match::MatchFrom(*cues, text, 0, without_reverse, &match)) return "";
  return std::string(match);
}

ClaimContext ReadContext(DocumentCues& cues, std::string_view sentence, Span claim,
                         std::string_view next_sentence, const rules::Pattern* pattern) {
  const rules::Lexicon& lexicon = cues.lexicon();
  ClaimContext context;
  auto all = [&](const rules::CueList& list) { return cues.AllMatches(list, sentence); };
  std::vector<Span> ends = all(lexicon.scope_end);
  std::vector<Span> pseudo = all(lexicon.pseudo_negation);
  const std::vector<Span> negations_before = all(lexicon.negation_before);
  context.negation = NearestCue(sentence, claim, negations_before, ends, pseudo,
                                kNegationBeforeWords, false);
  if (context.negation.empty()) {
    // "There is no evidence that X, Y or Z": the cue reaches every claim
    // after it up to the end of its clause.
    context.negation = NearestCue(sentence, claim, all(lexicon.negation_clause), ends, pseudo,
                                  kClauseWords, false);
  }
  if (context.negation.empty()) {
    context.negation = NearestCue(sentence, claim, all(lexicon.negation_after), ends, {},
                                  kNegationAfterWords, true);
  }
  if (context.negation.empty()) {
    // A negation between the words a proximity pattern links ("natural
    // does not mean safe", "adjustments do not improve immunity") negates
    // the link; one that opens the claim ("no side effects") is the claim.
    // A negation word the pattern itself asks for ("I no longer need") is
    // part of the claim.
    std::string pattern_source;  // described only when a cue is inside the claim
    for (Span cue : negations_before) {
      if (cue.begin <= claim.begin || cue.end > claim.end) continue;
      if (std::any_of(pseudo.begin(), pseudo.end(), [&](Span p) { return Overlaps(p, cue); })) {
        continue;
      }
      if (pattern != nullptr && pattern_source.empty()) pattern_source = pattern->Source();
      if (pattern_source.find(Slice(sentence, cue)) != std::string::npos) continue;
      context.negation = std::string(Slice(sentence, cue));
      break;
    }
  }
  std::vector<Span> hedges = all(lexicon.hedge);
  context.hedge = NearestCue(sentence, claim, hedges, ends, {}, kHedgeBeforeWords, false);
  if (context.hedge.empty()) {
    context.hedge = NearestCue(sentence, claim, hedges, ends, {}, kHedgeAfterWords, true,
                               /*needs_comma=*/true);
  }
  context.question = EndsWithQuestionMark(sentence);
  context.quoted = IsQuoted(sentence, claim);

  if (context.negation.empty()) {
    bool reported = context.quoted;
    for (Span cue : all(lexicon.reported_speech)) {
      if (cue.end <= claim.begin) reported = true;
    }
    if (reported) {
      std::string rejection;
      for (Span cue : all(lexicon.rejection)) {
        if (!Overlaps(cue, claim)) {
          rejection = std::string(Slice(sentence, cue));
          break;
        }
      }
      if (rejection.empty()) rejection = cues.FirstMatch(lexicon.rejection, next_sentence);
      if (!rejection.empty()) context.negation = "reported, then rejected: \"" + rejection + "\"";
    }
  }
  return context;
}

}  // namespace claimlint::analyze
