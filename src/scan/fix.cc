// `claimlint fix`: safe rewrites of findings, applied to the source bytes.

#include <cctype>

#include "scan/scan.h"

namespace claimlint::scan {

namespace {

// Plain words only: a span with markup, an entity or a line break in it is
// left alone, so a fix never touches anything but the flagged words.
bool PlainWords(std::string_view text) {
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == ' ' || c == '%' || c == '-' || c == '\'')) return false;
  }
  return !text.empty();
}

}  // namespace

FixResult ApplyFixes(std::string_view source, const std::vector<analyze::Finding>& findings) {
  FixResult result;
  result.text.reserve(source.size());
  uint32_t copied = 0;
  for (const analyze::Finding& finding : findings) {  // sorted by offset
    if (finding.fix.empty() || finding.kind != "claim") continue;
    const Span span = finding.source;
    if (span.end > source.size() || span.begin < copied ||
        Slice(source, span) != finding.text || !PlainWords(finding.text)) {
      ++result.skipped;
      continue;
    }
    std::string replacement = finding.fix;
    // Keep a capital at the start of the flagged words ("Completely safe").
    if (std::isupper(static_cast<unsigned char>(source[span.begin]))) {
      replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
    }
    result.text.append(source.substr(copied, span.begin - copied));
    result.text.append(replacement);
    copied = span.end;
    ++result.applied;
  }
  result.text.append(source.substr(copied));
  return result;
}

std::string LineDiff(const std::string& path, std::string_view before, std::string_view after) {
  // Fixes never add or remove line breaks, so lines correspond one to one.
  std::string diff = "--- a/" + path + "\n+++ b/" + path + "\n";
  size_t a = 0, b = 0;
  for (uint32_t line = 1; a <= before.size() && b <= after.size(); ++line) {
    size_t a_end = before.find('\n', a), b_end = after.find('\n', b);
    if (a_end == std::string_view::npos) a_end = before.size();
    if (b_end == std::string_view::npos) b_end = after.size();
    std::string_view old_line = before.substr(a, a_end - a), new_line = after.substr(b, b_end - b);
    if (old_line != new_line) {
      std::string at = std::to_string(line);
      diff += "@@ -" + at + " +" + at + " @@\n-" + std::string(old_line) + "\n+" +
              std::string(new_line) + "\n";
    }
    a = a_end + 1;
    b = b_end + 1;
  }
  return diff;
}

}  // namespace claimlint::scan
