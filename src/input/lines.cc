// How a line break in running text reads: shared by the plain-text block
// splitter and the text stage's sentence splitter, so a sentence never
// crosses a block.

#include <array>
#include <cctype>
#include <string>

#include "input/input.h"

namespace claimlint::input {

namespace {

// Words that leave a line open: "... the effects of\nmassage on ...".
constexpr std::array<std::string_view, 40> kOpenEndings = {
    "a",   "an",   "the",  "and",  "or",   "but",  "of",    "to",   "in",   "on",
    "for", "with", "by",   "from", "as",   "at",   "is",    "are",  "was",  "were",
    "that", "which", "who", "your", "our", "their", "its",  "this", "these", "can",
    "may", "will", "not",  "than", "into", "such", "has",   "have", "be",   "so",
};

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpaceByte(s.back())) s.remove_suffix(1);
  while (!s.empty() && IsSpaceByte(s.front())) s.remove_prefix(1);
  return s;
}

bool EndsWithClosingPunctuation(std::string_view line) {
  // Closing quotes and brackets after the stop: `."`, `.)`, `.”`.
  for (bool stripped = true; stripped && !line.empty();) {
    stripped = false;
    for (std::string_view closer : {"\"", "'", ")", "]", "*", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
      if (line.ends_with(closer)) {
        line.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  return line.ends_with(".") || line.ends_with("!") || line.ends_with("?") ||
         line.ends_with("\xE2\x80\xA6");
}

bool EndsOpen(std::string_view line) {
  if (line.empty()) return false;
  char last = line.back();
  if (last == ',' || last == '-' || last == '(' || last == '&' || last == '/') return true;
  size_t space = line.find_last_of(" \t");
  std::string_view word = space == std::string_view::npos ? line : line.substr(space + 1);
  if (word.size() > 5) return false;
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view open : kOpenEndings) {
    if (lower == open) return true;
  }
  return false;
}

bool StartsLowercase(std::string_view line) {
  return !line.empty() && line.front() >= 'a' && line.front() <= 'z';
}

// "- item", "* item", "• item", "1. item", "2) item".
bool StartsWithBullet(std::string_view line) {
  if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") ||
      line.starts_with("\xE2\x80\xA2")) {
    return true;
  }
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) {
    ++digits;
  }
  return digits > 0 && digits + 1 < line.size() &&
         (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
}

}  // namespace

LineBreak ClassifyLineBreak(std::string_view line, std::string_view next_line) {
  line = Trim(line);
  next_line = Trim(next_line);
  if (!StartsWithBullet(next_line) && (EndsOpen(line) || StartsLowercase(next_line))) {
    return LineBreak::kContinues;
  }
  return EndsWithClosingPunctuation(line) ? LineBreak::kMayEnd : LineBreak::kEnds;
}

}  // namespace claimlint::input
