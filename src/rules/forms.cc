#include "rules/forms.h"

#include <libstemmer.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace claimlint::rules {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Consonant-vowel-consonant ending of a short word: "stop" -> "stopped".
bool DoublesFinalConsonant(std::string_view word) {
  if (word.size() < 3 || word.size() > 5) return false;
  char last = word.back();
  return !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
         IsVowel(word[word.size() - 2]) && !IsVowel(word[word.size() - 3]);
}

// Inflections and the few derivations that carry a claim ("realignment",
// "permanently", "soreness"). Rarer derivations ("-al", "-ive", "-ity")
// were dropped: the stemmer accepts many non-words built with them
// ("reduceal", "lowerity") that only made every pattern bigger.
std::vector<std::string> Candidates(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {
      "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ment", "ments",
      "ness", "ion", "ions", "ation", "ations"};
  std::string w(word);
  std::vector<std::string> out = {w};
  for (std::string_view suffix : kSuffixes) {
    // English drops a final e before a vowel ("reduce" -> "reducing"); the
    // e-less forms come from the branch below.
    if (w.ends_with("e") && IsVowel(suffix.front())) continue;
    out.push_back(w + std::string(suffix));
  }
  if (w.ends_with("e")) {
    std::string base = w.substr(0, w.size() - 1);
    for (std::string_view suffix : {"ing", "ed", "er", "ers", "ion", "ions", "ation", "ations"}) {
      out.push_back(base + std::string(suffix));
    }
  }
  // A plural written in a pack also finds its singular ("pills" -> "pill",
  // "remedies" -> "remedy"), when the stemmer agrees.
  if (w.size() > 3 && w.ends_with("ies")) out.push_back(w.substr(0, w.size() - 3) + "y");
  if (w.size() > 3 && w.ends_with("es")) out.push_back(w.substr(0, w.size() - 2));
  if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss")) {
    out.push_back(w.substr(0, w.size() - 1));
  }
  if (w.size() > 2 && w.ends_with("y") && !IsVowel(w[w.size() - 2])) {
    std::string base = w.substr(0, w.size() - 1);
    for (std::string_view suffix : {"ies", "ied", "ier", "iest", "ily", "ying"}) {
      out.push_back(base + std::string(suffix));
    }
  }
  if (DoublesFinalConsonant(w)) {
    for (std::string_view suffix : {"ed", "ing", "er", "ers"}) {
      out.push_back(w + w.back() + std::string(suffix));
    }
  }
  return out;
}

}  // namespace

std::string Stem(std::string_view word) {
  // A stemmer instance is not thread-safe; packs compile on one thread, but
  // the lock keeps that an assumption nobody has to remember.
  static std::mutex mutex;
  static std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer(
      sb_stemmer_new("english", "UTF_8"), sb_stemmer_delete);
  std::lock_guard lock(mutex);
  if (!stemmer) return std::string(word);
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer.get()));
}

std::vector<std::string> WordForms(std::string_view word) {
  // Packs repeat their words ("pain", "back", "stress" in dozens of
  // patterns), and stemming every candidate was a third of a cold start.
  static std::mutex mutex;
  static std::unordered_map<std::string, std::vector<std::string>> known;
  {
    std::lock_guard lock(mutex);
    if (auto it = known.find(std::string(word)); it != known.end()) return it->second;
  }
  std::string stem = Stem(word);
  std::vector<std::string> forms;
  for (std::string& candidate : Candidates(word)) {
    if (candidate == word || Stem(candidate) == stem) forms.push_back(std::move(candidate));
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  std::lock_guard lock(mutex);
  known.emplace(std::string(word), forms);
  return forms;
}

}  // namespace claimlint::rules
