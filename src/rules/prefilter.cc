// The prefilter: which claim patterns may match a block of folded text.

#include <re2/set.h>

#include <algorithm>
#include <future>

#include "rules/forms.h"
#include "rules/rules.h"

namespace claimlint::rules {

namespace {

bool IsRunChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Calls `visit` with each maximal run of ASCII letters and digits in `text`.
template <typename Visit>
void ForEachRun(std::string_view text, Visit visit) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsRunChar(text[i])) ++i;
    size_t begin = i;
    while (i < text.size() && IsRunChar(text[i])) ++i;
    if (i > begin) visit(text.substr(begin, i - begin));
  }
}

}  // namespace

// An entry matches as its folded words joined by single spaces, the last
// one in any of its forms, with \b where an edge is an ASCII word character
// (EntryToRegex). So each letter-and-digit run of a literal word is a whole
// run of the text wherever the entry matches: it is bounded by a space, a
// \b or a character outside the run class. An entry that is looked up by
// its head word's forms needs all of them.
std::vector<std::string> EntryWords(std::string_view entry, bool use_forms) {
  std::vector<std::string> words = EntryWordList(entry);
  // A head word with forms stands for several words; a closed-class head
  // word ("for") has only itself and counts as literal.
  const bool head_has_forms = use_forms && !words.empty() &&
                              IsAsciiWord(words.back()) && !IsFunctionWord(words.back());
  // The most selective word: the longest literal content word ("need" in
  // "without the need for"), else the head word's forms, else the longest
  // function word, which nearly every block has.
  std::string content, function;
  for (size_t w = 0; w + (head_has_forms ? 1 : 0) < words.size(); ++w) {
    ForEachRun(words[w], [&](std::string_view run) {
      std::string& best = IsFunctionWord(run) ? function : content;
      if (run.size() > best.size()) best = std::string(run);
    });
  }
  if (!content.empty()) return {content};
  if (head_has_forms) return WordForms(words.back());
  if (!function.empty()) return {function};
  return {};
}

std::vector<std::string> EntryWordsAt(const NearPattern& near, size_t index,
                                      const std::string& entry) {
  if (index < near.entry_words.size()) return near.entry_words[index];
  return EntryWords(entry, near.use_forms);
}

TextRuns::TextRuns(std::string_view folded_text) {
  ForEachRun(folded_text, [&](std::string_view run) { runs_.insert(run); });
}

Prefilter::Prefilter(const std::vector<Rule>& rules, const std::vector<PatternRef>& refs) {
  slot_of_ref_.assign(refs.size(), -1);
  for (size_t i = 0; i < refs.size(); ++i) {
    const Pattern& pattern = rules[refs[i].rule].patterns[refs[i].pattern];
    if (!pattern.near) set_refs_.push_back(static_cast<int>(i));
  }
  // The Set compiles on another core while this one builds the word index.
  std::future<void> set_compiled = std::async(std::launch::async, [&] {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(48 << 20);
    set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    // Patterns are checked before they get here; should one still fail to
    // parse, the Set is not used and all its patterns are proposed.
    bool all_added = true;
    for (int i : set_refs_) {
      const Pattern& pattern = rules[refs[i].rule].patterns[refs[i].pattern];
      all_added = set_->Add(pattern.re.regex(), nullptr) >= 0 && all_added;
    }
    set_ok_ = all_added && set_->Compile();
  });
  for (size_t i = 0; i < refs.size(); ++i) {
    const Pattern& pattern = rules[refs[i].rule].patterns[refs[i].pattern];
    if (!pattern.near) continue;
    const NearPattern& near = *pattern.near;
    NearSlot slot{static_cast<int>(i), 0, 0};
    uint32_t slot_index = static_cast<uint32_t>(near_.size());
    size_t entry_index = 0;
    for (size_t g = 0; g < near.groups.size() && g < 32; ++g) {
      uint32_t bit = 1u << g;
      slot.all_groups |= bit;
      for (const std::string& entry : near.groups[g]) {
        std::vector<std::string> entry_words = EntryWordsAt(near, entry_index++, entry);
        if (entry_words.empty()) slot.always |= bit;
        for (std::string& word : entry_words) {
          auto& users = words_[std::move(word)];
          if (users.empty() || users.back() != std::make_pair(slot_index, bit)) {
            users.emplace_back(slot_index, bit);
          }
        }
      }
    }
    slot_of_ref_[i] = static_cast<int>(near_.size());
    near_.push_back(slot);
  }
  set_compiled.get();
}

Prefilter::~Prefilter() = default;

std::vector<uint32_t> Prefilter::GroupsPresent(std::string_view folded_text) const {
  std::vector<uint32_t> present(near_.size());
  for (size_t s = 0; s < near_.size(); ++s) present[s] = near_[s].always;
  ForEachRun(folded_text, [&](std::string_view run) {
    auto it = words_.find(run);
    if (it == words_.end()) return;
    for (auto [slot, bit] : it->second) present[slot] |= bit;
  });
  return present;
}

std::vector<int> Prefilter::Candidates(std::string_view folded_text) const {
  std::vector<int> candidates;
  std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  if (set_ok_ && set_->Match(folded_text, &matched, &error)) {
    for (int id : matched) candidates.push_back(set_refs_[id]);
  } else if (!set_ok_ || error.kind != RE2::Set::kNoError) {
    candidates = set_refs_;  // the Set could not tell: propose them all
  }
  std::vector<uint32_t> present = GroupsPresent(folded_text);
  for (size_t s = 0; s < near_.size(); ++s) {
    if (present[s] == near_[s].all_groups) candidates.push_back(near_[s].ref);
  }
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

std::vector<int> Prefilter::Narrow(std::string_view folded_sentence,
                                   const std::vector<int>& block_candidates) const {
  std::vector<uint32_t> present = GroupsPresent(folded_sentence);
  std::vector<int> kept;
  for (int ref : block_candidates) {
    int slot = slot_of_ref_[ref];
    if (slot < 0 || present[slot] == near_[slot].all_groups) kept.push_back(ref);
  }
  return kept;
}

}  // namespace claimlint::rules
