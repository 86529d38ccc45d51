// The vocabulary every stage shares: byte spans, severities, the offset map
// that carries a span back to the bytes the author wrote, line/column lookup,
// and a small status type for stage boundaries (Debian's RE2 has no Abseil).
//
// All offsets are byte offsets into UTF-8 buffers, half-open [begin, end).

#ifndef CLAIMLINT_CORE_CORE_H_
#define CLAIMLINT_CORE_CORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace claimlint {

// A half-open byte range. Invariant: begin <= end.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(const Span& other) const {
    return begin <= other.begin && other.end <= end;
  }
  friend bool operator==(const Span&, const Span&) = default;
};

inline std::string_view Slice(std::string_view text, Span span) {
  return text.substr(span.begin, span.size());
}

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

// A problem that is not a finding: an unreadable file, a decoding warning, a
// rule-pack error. `code` is stable and greppable (CL1xx input, CL2xx rule
// pack, CL4xx output); `location` is "file:line:col" or "file" or empty.
struct Diagnostic {
  std::string code;
  std::string location;
  std::string message;
  bool is_error = true;  // false: a warning; the file was still scanned

  std::string ToString() const;
};

// Status of a stage entry point: either a value or the diagnostics that
// explain why there is none. Exceptions never cross a stage boundary.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Diagnostic error) : state_(std::vector<Diagnostic>{std::move(error)}) {}  // NOLINT
  StatusOr(std::vector<Diagnostic> errors) : state_(std::move(errors)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  const std::vector<Diagnostic>& errors() const {
    return std::get<std::vector<Diagnostic>>(state_);
  }

 private:
  std::variant<T, std::vector<Diagnostic>> state_;
};

// Maps offsets of a derived text (the "target": decoded prose, or the folded
// matching form) back to the text it was derived from (the "origin") and the
// other way. The derivation is a sequence of pieces; a piece either copies
// bytes one for one (linear) or replaces an origin run by a target run of
// another length (atomic: an entity, a folded quote, a whitespace run).
// Offsets inside an atomic piece snap outward, so a mapped span always covers
// whole pieces and never splits what the author wrote.
//
// Built once by appending pieces in order; immutable and thread-safe after.
class OffsetMap {
 public:
  // Appends `length` bytes copied unchanged.
  void AddLinear(uint32_t length);
  // Appends an origin run of `origin_length` bytes that became
  // `target_length` bytes (either may be zero).
  void AddAtomic(uint32_t origin_length, uint32_t target_length);
  // Appends an origin run that is dropped from the target (markup, a BOM).
  void Skip(uint32_t origin_length) { AddAtomic(origin_length, 0); }

  uint32_t origin_size() const { return origin_size_; }
  uint32_t target_size() const { return target_size_; }

  // Target span -> the origin span that produced it.
  Span ToOrigin(Span target) const;
  // Origin span -> the smallest target span derived from it.
  Span ToTarget(Span origin) const;

  // The composition `outer ∘ inner`: maps targets of `outer` to origins of
  // `inner`, where outer's origin is inner's target.
  static Span Compose(const OffsetMap& outer, const OffsetMap& inner, Span target) {
    return inner.ToOrigin(outer.ToOrigin(target));
  }

 private:
  struct Piece {
    uint32_t origin_begin;
    uint32_t target_begin;
    uint32_t origin_length;
    uint32_t target_length;
    bool linear;
  };
  uint32_t OriginOf(uint32_t target_offset, bool is_end) const;
  uint32_t TargetOf(uint32_t origin_offset, bool is_end) const;

  std::vector<Piece> pieces_;
  uint32_t origin_size_ = 0;
  uint32_t target_size_ = 0;
};

// 1-based line and column of a byte offset. Columns count Unicode code
// points; `utf16_column` counts UTF-16 code units (SARIF, LSP).
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  uint32_t utf16_column = 1;
};

// Line starts of a text, recognising LF, CRLF and lone CR. Holds a view:
// the text must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  Position At(uint32_t offset) const;
  // Byte span of the line holding `offset`, without its terminator.
  Span LineAt(uint32_t offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;
};

// Offset of the first '\n' or '\r' at or after `from`, or npos. A plain
// loop: std::string_view::find_first_of calls memchr once per byte.
inline size_t FindLineBreak(std::string_view text, size_t from = 0) {
  for (size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') return i;
  }
  return std::string_view::npos;
}

// Length of the valid UTF-8 sequence at `p` (1 for ASCII), or 0 when it
// is invalid: overlong forms, surrogates and code points past U+10FFFF.
size_t Utf8SequenceLength(const unsigned char* p, size_t remaining);

// Number of code points in a UTF-8 string (invalid bytes count one each).
uint32_t CountCodePoints(std::string_view utf8);

// 64-bit FNV-1a, stable across platforms and runs (fingerprints, hashes).
uint64_t Fnv1a64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ULL);
std::string Hex64(uint64_t value);

// Runs job(0) .. job(count - 1) on this thread and `helpers` more, each
// taking the next job in turn (put the longest first); returns when all are
// done. For the compiling of a cold start: one file leaves the other cores
// idle.
void RunJobs(size_t count, const std::function<void(size_t)>& job, unsigned helpers = 1);

}  // namespace claimlint

#endif  // CLAIMLINT_CORE_CORE_H_
