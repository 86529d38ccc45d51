#include "rules/forms.h"

#include <dlfcn.h>
#include <libstemmer.h>

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "text/text.h"

namespace claimlint::rules {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Runs of vowels: syllables, near enough.
int VowelGroups(std::string_view word) {
  int groups = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (IsVowel(word[i]) && (i == 0 || !IsVowel(word[i - 1]))) ++groups;
  }
  return groups;
}

// A final consonant after one short vowel doubles before -ed and -ing when
// the last syllable is stressed: "stop" -> "stopped", "refer" -> "referred",
// "control" -> "controlled"; and a final l in British spelling: "level" ->
// "levelled". Stress is guessed: a word of one syllable, or a common prefix
// before a root of one; "lower", "visit" and "open" keep one consonant (the
// stemmer accepts "lowerred", so it cannot be the judge).
bool DoublesFinalConsonant(std::string_view word) {
  if (word.size() < 3) return false;
  char last = word.back();
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y' ||
      !IsVowel(word[word.size() - 2]) || IsVowel(word[word.size() - 3])) {
    return false;
  }
  if (VowelGroups(word) == 1 || last == 'l') return true;
  for (std::string_view prefix : {"ad", "be", "com", "con", "de", "dis", "ex", "for", "in", "oc",
                                  "out", "per", "pre", "re", "sub", "trans", "up"}) {
    std::string_view root = word.substr(std::min(prefix.size(), word.size()));
    if (word.starts_with(prefix) && root.size() >= 3 && VowelGroups(root) == 1) return true;
  }
  return false;
}

}  // namespace

bool IsFunctionWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "a", "about", "across", "after", "again", "against", "all", "along", "also", "always",
      "am", "among", "an", "and", "any", "are", "around", "as", "at", "away", "be", "been",
      "before", "being", "between", "but", "by", "can", "could", "did", "do", "does", "down",
      "even", "ever", "every", "for", "from", "had", "has", "have", "her", "here", "his", "how",
      "in", "into", "is", "it", "its", "just", "less", "may", "me", "might", "more", "most",
      "must", "my", "never", "no", "nor", "not", "of", "off", "on", "once", "only", "onto",
      "or", "our", "out", "over", "per", "should", "so", "than", "that", "the", "their", "them",
      "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "up",
      "upon", "very", "via", "was", "we", "were", "what", "when", "where", "which", "who",
      "will", "with", "within", "without", "would", "yet", "you", "your"};
  static_assert(std::is_sorted(std::begin(kWords), std::end(kWords)), "binary search needs order");
  return std::binary_search(std::begin(kWords), std::end(kWords), word);
}

namespace {

// A word that already carries a derivational or inflectional ending takes
// inflections only: "treatment" has no "treatmentment".
bool IsDerived(std::string_view word) {
  for (std::string_view ending : {"ion", "ions", "ment", "ments", "ness", "ly", "er", "ers",
                                  "ing", "ed", "ity", "ism", "ist", "ic", "al", "ful", "ous"}) {
    if (word.size() > ending.size() + 2 && word.ends_with(ending)) return true;
  }
  return false;
}

// Inflections, and for plain words "-ment" ("realign" -> "realignment").
// Other derivations ("-ly", "-ness", "-er", "-ion", "-ation") were dropped:
// the stemmer accepts "painly", "painness" and "headachation", which made
// every near pattern several times larger (its compile is most of a cold
// start) and matched nothing; packs list the derived words they mean
// ("soreness", "permanently"), as the built-in ones do.
std::vector<std::string> Candidates(std::string_view word) {
  if (IsFunctionWord(word)) return {std::string(word)};
  static constexpr std::string_view kInflections[] = {"s", "es", "ed", "d", "ing"};
  static constexpr std::string_view kDerivations[] = {"ment", "ments"};
  std::string w(word);
  std::vector<std::string> out = {w};
  const bool derive = !IsDerived(w);
  auto add = [&](std::string_view suffix) {
    // English drops a final e before a vowel ("reduce" -> "reducing").
    if (w.ends_with("e") && IsVowel(suffix.front())) {
      out.push_back(w.substr(0, w.size() - 1) + std::string(suffix));
    } else {
      out.push_back(w + std::string(suffix));
    }
  };
  for (std::string_view suffix : kInflections) {
    // "-es" follows a hiss or an o ("massages", "reflexes", "echoes").
    if (suffix == "es" && !(w.ends_with("s") || w.ends_with("x") || w.ends_with("z") ||
                            w.ends_with("ch") || w.ends_with("sh") || w.ends_with("o"))) {
      continue;
    }
    add(suffix);
  }
  if (derive) {
    for (std::string_view suffix : kDerivations) add(suffix);
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
    for (std::string_view suffix : {"ies", "ied", "ier", "iest", "ying"}) {
      out.push_back(base + std::string(suffix));
    }
  }
  if (DoublesFinalConsonant(w)) {
    for (std::string_view suffix : {"ed", "ing"}) out.push_back(w + w.back() + std::string(suffix));
  }
  return out;
}

// libstemmer's English stemmer, opened by its soname on the first stem:
// only packs read at run time stem (the embedded packs' forms are worked
// out at build time), and linked in, its tables for every language cost
// each start some 80 page faults while the loader relocates them.
struct Stemmer {
  decltype(&sb_stemmer_stem) stem = nullptr;
  decltype(&sb_stemmer_length) length = nullptr;
  sb_stemmer* stemmer = nullptr;  // null when libstemmer cannot be opened
};

Stemmer OpenEnglishStemmer() {
  Stemmer english;
  void* library = dlopen(CLAIMLINT_STEMMER_SONAME, RTLD_NOW | RTLD_LOCAL);
  auto symbol = [&](const char* name) { return library ? dlsym(library, name) : nullptr; };
  auto create = reinterpret_cast<decltype(&sb_stemmer_new)>(symbol("sb_stemmer_new"));
  english.stem = reinterpret_cast<decltype(&sb_stemmer_stem)>(symbol("sb_stemmer_stem"));
  english.length = reinterpret_cast<decltype(&sb_stemmer_length)>(symbol("sb_stemmer_length"));
  if (create && english.stem && english.length) english.stemmer = create("english", "UTF_8");
  if (english.stemmer == nullptr) {
    // Said once; matching goes on with each word as written.
    const char* why = library ? "no English stemmer in it" : dlerror();
    std::fprintf(stderr,
                 "claimlint: warning: cannot use %s (%s): near patterns of packs read at run "
                 "time match their words only as written, not inflected; install the "
                 "libstemmer0d package\n",
                 CLAIMLINT_STEMMER_SONAME, why);
  }
  return english;  // the library stays open for the process
}

}  // namespace

std::string Stem(std::string_view word) {
  // A stemmer instance is not thread-safe; packs compile on one thread, but
  // the lock keeps that an assumption nobody has to remember.
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  static const Stemmer english = OpenEnglishStemmer();
  if (english.stemmer == nullptr) return std::string(word);
  const sb_symbol* stem =
      english.stem(english.stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                   static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem), english.length(english.stemmer));
}

std::vector<std::string> EntryWordList(std::string_view entry) {
  std::string folded = text::FoldString(entry);
  std::vector<std::string> words;
  for (size_t i = 0; i < folded.size();) {
    size_t end = folded.find(' ', i);
    if (end == std::string::npos) end = folded.size();
    if (end > i) words.push_back(folded.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

bool IsAsciiWord(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> ComputeWordForms(std::string_view word) {
  std::string stem = Stem(word);
  std::vector<std::string> forms;
  for (std::string& candidate : Candidates(word)) {
    if (candidate == word || Stem(candidate) == stem) forms.push_back(std::move(candidate));
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

}  // namespace claimlint::rules
