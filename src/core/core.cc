#include "core/core.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <future>

namespace claimlint {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

std::string Diagnostic::ToString() const {
  std::string out;
  if (!location.empty()) out += location + ": ";
  out += is_error ? "error: " : "warning: ";
  out += message;
  if (!code.empty()) out += " [" + code + "]";
  return out;
}

void OffsetMap::AddLinear(uint32_t length) {
  if (length == 0) return;
  if (!pieces_.empty() && pieces_.back().linear) {
    pieces_.back().origin_length += length;
    pieces_.back().target_length += length;
  } else {
    pieces_.push_back({origin_size_, target_size_, length, length, true});
  }
  origin_size_ += length;
  target_size_ += length;
}

void OffsetMap::AddAtomic(uint32_t origin_length, uint32_t target_length) {
  if (origin_length == 0 && target_length == 0) return;
  // Runs of dropped bytes merge, so lookups never walk over many of them.
  if (target_length == 0 && !pieces_.empty() && !pieces_.back().linear &&
      pieces_.back().target_length == 0) {
    pieces_.back().origin_length += origin_length;
  } else {
    pieces_.push_back(
        {origin_size_, target_size_, origin_length, target_length, false});
  }
  origin_size_ += origin_length;
  target_size_ += target_length;
}

namespace {

// Lookup shared by both directions: `from` reads the coordinate we look up
// in, `to` the one we answer in. A begin offset lands on the first piece
// that yields bytes at it; an end offset on the last piece that ends at or
// after it, so spans snap outward and dropped runs at the edges stay out.
template <typename From, typename To, typename Pieces>
uint32_t Lookup(const Pieces& pieces, uint32_t offset, bool is_end, From from,
                To to, uint32_t to_total) {
  if (pieces.empty()) return 0;
  if (!is_end) {
    auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                               [&](uint32_t value, const auto& piece) {
                                 return value < from(piece).first;
                               });
    // Walk back to the last piece that has bytes in `from` and starts <= offset.
    while (it != pieces.begin()) {
      --it;
      auto [begin, length] = from(*it);
      if (length == 0) continue;
      if (offset < begin + length) {
        auto [to_begin, to_length] = to(*it);
        return it->linear ? to_begin + (offset - begin) : to_begin;
      }
      // offset is at the very end of the text: after the last piece.
      break;
    }
    return to_total;
  }
  auto it = std::lower_bound(pieces.begin(), pieces.end(), offset,
                             [&](const auto& piece, uint32_t value) {
                               return from(piece).first < value;
                             });
  while (it != pieces.begin()) {
    --it;
    auto [begin, length] = from(*it);
    if (length == 0) continue;
    auto [to_begin, to_length] = to(*it);
    return it->linear ? to_begin + (offset - begin) : to_begin + to_length;
  }
  return 0;
}

}  // namespace

uint32_t OffsetMap::OriginOf(uint32_t target_offset, bool is_end) const {
  auto target = [](const Piece& p) {
    return std::pair{p.target_begin, p.target_length};
  };
  auto origin = [](const Piece& p) {
    return std::pair{p.origin_begin, p.origin_length};
  };
  return Lookup(pieces_, target_offset, is_end, target, origin, origin_size_);
}

uint32_t OffsetMap::TargetOf(uint32_t origin_offset, bool is_end) const {
  auto target = [](const Piece& p) {
    return std::pair{p.target_begin, p.target_length};
  };
  auto origin = [](const Piece& p) {
    return std::pair{p.origin_begin, p.origin_length};
  };
  return Lookup(pieces_, origin_offset, is_end, origin, target, target_size_);
}

Span OffsetMap::ToOrigin(Span target) const {
  uint32_t begin = OriginOf(target.begin, false);
  if (target.empty()) return {begin, begin};
  uint32_t end = OriginOf(target.end, true);
  return {begin, std::max(begin, end)};
}

Span OffsetMap::ToTarget(Span origin) const {
  uint32_t begin = TargetOf(origin.begin, false);
  if (origin.empty()) return {begin, begin};
  uint32_t end = TargetOf(origin.end, true);
  return {begin, std::max(begin, end)};
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  if (text.find('\r') == std::string_view::npos) {  // the common case: memchr
    for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
    return;
  }
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

Position LineIndex::At(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  Position position;
  position.line = line;
  uint32_t code_points = 0, utf16 = 0;
  for (uint32_t i = start; i < offset; ++i) {
    unsigned char byte = static_cast<unsigned char>(text_[i]);
    if ((byte & 0xC0) == 0x80) continue;
    ++code_points;
    utf16 += byte >= 0xF0 ? 2 : 1;
  }
  position.column = code_points + 1;
  position.utf16_column = utf16 + 1;
  return position;
}

Span LineIndex::LineAt(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t begin = *(it - 1);
  uint32_t end = it == line_starts_.end() ? text_.size() : *it;
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return {begin, end};
}

size_t Utf8SequenceLength(const unsigned char* p, size_t remaining) {
  unsigned char b0 = p[0];
  if (b0 < 0x80) return 1;
  auto cont = [&](size_t i) { return i < remaining && (p[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (b0 == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && p[1] >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

uint32_t CountCodePoints(std::string_view utf8) {
  uint32_t count = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

uint64_t Fnv1a64(std::string_view data, uint64_t seed) {
  uint64_t hash = seed;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string Hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(value));
  return buffer;
}

void RunJobs(size_t count, const std::function<void(size_t)>& job, unsigned helpers) {
  std::atomic<size_t> next = 0;
  auto work = [&] {
    for (size_t i; (i = next++) < count;) job(i);
  };
  std::vector<std::future<void>> started;
  for (unsigned h = 0; h < helpers && h + 1 < count; ++h) {
    started.push_back(std::async(std::launch::async, work));
  }
  work();
  for (std::future<void>& helper : started) helper.get();
}

}  // namespace claimlint
