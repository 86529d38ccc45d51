// WordForms: the built-in packs' words come from a table that
// make_forms_table writes at build time, so loading them stems nothing.

#include <algorithm>
#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "rules/forms.h"

namespace claimlint::rules {

namespace {

// A word and its forms, as offsets into kFormsText.
struct FormsEntry {
  uint32_t begin;  // kFormsText[begin, end): the forms, joined by spaces
  uint32_t end;
  uint32_t word;  // kFormsText[word, word + word_size): the word, one of them
  uint32_t word_size;
};

#include "rules/forms_table.inc"  // kFormsText, kFormsTable

constexpr std::string_view Word(const FormsEntry& entry) {
  return std::string_view(kFormsText + entry.word, entry.word_size);
}

static_assert(std::is_sorted(kFormsTable.begin(), kFormsTable.end(),
                             [](const FormsEntry& a, const FormsEntry& b) {
                               return Word(a) < Word(b);
                             }),
              "binary search needs order");

const FormsEntry* FindBuiltin(std::string_view word) {
  auto it = std::lower_bound(
      kFormsTable.begin(), kFormsTable.end(), word,
      [](const FormsEntry& entry, std::string_view w) { return Word(entry) < w; });
  if (it == kFormsTable.end() || Word(*it) != word) return nullptr;
  return &*it;
}

// Words of packs given at run time, computed once: packs repeat their words
// ("pain", "back", "stress" in dozens of patterns).
struct Computed {
  std::mutex mutex;
  std::unordered_map<std::string, std::vector<std::string>> forms;
};

Computed& ComputedForms() {
  static Computed computed;
  return computed;
}

}  // namespace

std::vector<std::string> WordForms(std::string_view word) {
  if (const FormsEntry* entry = FindBuiltin(word)) {
    std::vector<std::string> forms;
    std::string_view rest(kFormsText + entry->begin, entry->end - entry->begin);
    while (!rest.empty()) {
      size_t space = std::min(rest.find(' '), rest.size());
      forms.emplace_back(rest.substr(0, space));
      rest.remove_prefix(std::min(space + 1, rest.size()));
    }
    return forms;
  }
  Computed& computed = ComputedForms();
  {
    std::lock_guard lock(computed.mutex);
    if (auto it = computed.forms.find(std::string(word)); it != computed.forms.end()) {
      return it->second;
    }
  }
  std::vector<std::string> forms = ComputeWordForms(word);
  std::lock_guard lock(computed.mutex);
  computed.forms.emplace(std::string(word), forms);
  return forms;
}

bool HasBuiltinForms(std::string_view word) { return FindBuiltin(word) != nullptr; }

std::vector<std::string_view> BuiltinFormsWords() {
  std::vector<std::string_view> words;
  for (const FormsEntry& entry : kFormsTable) words.push_back(Word(entry));
  return words;
}

size_t ComputedFormsCount() {
  Computed& computed = ComputedForms();
  std::lock_guard lock(computed.mutex);
  return computed.forms.size();
}

}  // namespace claimlint::rules
