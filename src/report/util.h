// Internal to src/report/: helpers the writers share. Not for use outside
// this folder; report.h is the stage's interface.

#ifndef CLAIMLINT_REPORT_UTIL_H_
#define CLAIMLINT_REPORT_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "core/core.h"

namespace claimlint::report::internal {

using ordered_json = nlohmann::ordered_json;

// Dumps `value` as it would appear nested `depth` levels deep in a
// two-space-indented document. Invalid UTF-8 becomes U+FFFD. Never throws.
std::string Nested(const ordered_json& value, int depth);

// The code point at `text[*i]`, advancing *i past it; an invalid or
// truncated sequence yields U+FFFD and advances one byte.
char32_t NextCodePoint(std::string_view text, size_t* i);

// Appends `c` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

// Text for HTML and XML 1.0, in content or a double-quoted attribute:
// & < > " ' become references, invalid UTF-8 and characters XML forbids
// (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD. In an
// attribute, tab, LF and CR become references so parsers keep them.
std::string EscapeMarkup(std::string_view text, bool attribute = false);

// UTF-16 code units in `text`, counted as LineIndex counts columns
// (a lead byte is one unit, or two from F0; continuation bytes none).
uint32_t Utf16Length(std::string_view text);

// A relative path as a URI reference: every byte outside RFC 3986's
// unreserved set and '/' is percent-encoded. An absolute path becomes a
// file:// URI.
std::string PathToUri(std::string_view path);

// `path` without leading "./" (GitHub and SARIF consumers match paths
// relative to the checkout, which never start with it).
std::string_view WithoutDotSlash(std::string_view path);

// The count for `key`, zero when absent.
uint64_t CountOf(const std::map<std::string, uint64_t>& counts, const std::string& key);

// Entries by count, highest first, then by key.
std::vector<std::pair<std::string, uint64_t>> ByCount(
    const std::map<std::string, uint64_t>& counts);

// "1 file", "2 files".
std::string Plural(uint64_t count, std::string_view one, std::string_view many);

// Whether a finding belongs to the whole document (a missing disclaimer)
// rather than to words in it.
bool IsDocumentLevel(const analyze::Finding& finding);

// Whether the analysis spared the claim (hedged, negated or supported), and
// the words for why: "hedged, supported"; empty when it did not.
std::string SparedReason(const analyze::Finding& finding);

// The `capacity` files with most findings, most first; ties keep the
// order files arrived in (path order), so the list is deterministic.
class TopFiles {
 public:
  explicit TopFiles(size_t capacity) : capacity_(capacity) {}
  void Add(const std::string& path, uint64_t count);
  const std::vector<std::pair<std::string, uint64_t>>& items() const { return items_; }

 private:
  size_t capacity_;
  std::vector<std::pair<std::string, uint64_t>> items_;
};

// The one-line message CI formats show: the rule's message, the flagged
// words in quotes, and why the claim was spared if it was:
// `Disease claim: ... ("cures anxiety")`.
std::string OneLineMessage(const analyze::Finding& finding);

// Line and column (0 when absent) of a diagnostic whose location is
// `path:line:col` or `path:line`.
std::pair<uint32_t, uint32_t> DiagnosticLineColumn(const Diagnostic& diagnostic,
                                                   std::string_view path);

// Bytes written now and read back once, in order: an anonymous temporary
// file (removed by the system when closed), or memory when none can be
// made. Lets a writer emit its header, which needs the totals, before the
// per-file parts it produced first.
class Spool {
 public:
  Spool();
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void Write(std::string_view bytes);
  bool empty() const { return size_ == 0; }
  // Copies everything written so far to `out`. On a write or read error
  // (a full disk) it sets `out`'s badbit, so the report is not committed,
  // and returns false.
  bool CopyTo(std::ostream& out);

 private:
  std::FILE* file_ = nullptr;
  std::string memory_;
  uint64_t size_ = 0;
  bool failed_ = false;
};

}  // namespace claimlint::report::internal

#endif  // CLAIMLINT_REPORT_UTIL_H_
