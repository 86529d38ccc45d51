#include "report/util.h"

#include <algorithm>

namespace claimlint::report::internal {

std::string Nested(const ordered_json& value, int depth) {
  std::string text;
  try {
    text = value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  } catch (const nlohmann::json::exception&) {
    text = "null";  // unreachable with the replace handler; never let it escape
  }
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

char32_t NextCodePoint(std::string_view text, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(*i);
  if (lead < 0x80) {
    ++*i;
    return lead;
  }
  int length = 0;
  char32_t c = 0;
  char32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, c = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, c = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, c = lead & 0x07, min = 0x10000;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (*i + length > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  for (int k = 1; k < length; ++k) {
    unsigned char next = byte(*i + k);
    if ((next & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    c = (c << 6) | (next & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++*i;
    return 0xFFFD;
  }
  *i += length;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string EscapeMarkup(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      char32_t c = NextCodePoint(text, &i);
      if (c == 0xFFFE || c == 0xFFFF) c = 0xFFFD;
      AppendUtf8(c, &out);
      continue;
    }
    ++i;
    switch (byte) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += attribute ? "&#13;" : "\r"; break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          out += "\xEF\xBF\xBD";  // U+FFFD: XML 1.0 cannot carry C0 controls
        } else {
          out += static_cast<char>(byte);
        }
    }
  }
  return out;
}

uint32_t Utf16Length(std::string_view text) {
  uint32_t units = 0;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;
    units += byte >= 0xF0 ? 2 : 1;
  }
  return units;
}

std::string PathToUri(std::string_view path) {
  std::string out;
  if (path.starts_with("/")) out = "file://";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : path) {
    unsigned char byte = static_cast<unsigned char>(c);
    bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                      byte == '_' || byte == '~' || byte == '/';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

std::string_view WithoutDotSlash(std::string_view path) {
  while (path.starts_with("./")) {
    path.remove_prefix(2);
    while (path.starts_with("/")) path.remove_prefix(1);
  }
  return path;
}

uint64_t CountOf(const std::map<std::string, uint64_t>& counts, const std::string& key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

std::vector<std::pair<std::string, uint64_t>> ByCount(
    const std::map<std::string, uint64_t>& counts) {
  std::vector<std::pair<std::string, uint64_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::string Plural(uint64_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

bool IsDocumentLevel(const analyze::Finding& finding) {
  return finding.kind == "missing-disclaimer" || finding.source.empty();
}

std::string SparedReason(const analyze::Finding& finding) {
  std::string out;
  auto add = [&](bool on, const char* word) {
    if (!on) return;
    if (!out.empty()) out += ", ";
    out += word;
  };
  add(finding.hedged, "hedged");
  add(finding.negated, "negated");
  add(finding.supported, "supported");
  return out;
}

std::string OneLineMessage(const analyze::Finding& finding) {
  std::string out = finding.message;
  if (!finding.text.empty()) {
    std::string text = finding.text;
    for (char& c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    out += " (\"" + text + "\")";
  }
  std::string spared = SparedReason(finding);
  if (!spared.empty()) out += " [spared: " + spared + "]";
  return out;
}

std::pair<uint32_t, uint32_t> DiagnosticLineColumn(const Diagnostic& diagnostic,
                                                   std::string_view path) {
  std::string_view location = diagnostic.location;
  if (!location.starts_with(path) || location.size() <= path.size() ||
      location[path.size()] != ':') {
    return {0, 0};
  }
  uint32_t numbers[2] = {0, 0};
  int index = 0;
  for (char c : location.substr(path.size() + 1)) {
    if (c == ':' && index == 0) {
      index = 1;
    } else if (c >= '0' && c <= '9' && numbers[index] < 100000000) {
      numbers[index] = numbers[index] * 10 + static_cast<uint32_t>(c - '0');
    } else {
      return {0, 0};
    }
  }
  return {numbers[0], numbers[1]};
}

void TopFiles::Add(const std::string& path, uint64_t count) {
  if (count == 0) return;
  if (items_.size() == capacity_ && (capacity_ == 0 || items_.back().second >= count)) return;
  auto at = std::upper_bound(items_.begin(), items_.end(), count,
                             [](uint64_t value, const auto& item) { return value > item.second; });
  items_.insert(at, {path, count});
  if (items_.size() > capacity_) items_.pop_back();
}

Spool::Spool() : file_(std::tmpfile()) {}

Spool::~Spool() {
  if (file_ != nullptr) std::fclose(file_);
}

void Spool::Write(std::string_view bytes) {
  size_ += bytes.size();
  if (file_ == nullptr) {
    memory_.append(bytes);
  } else if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    failed_ = true;
  }
}

bool Spool::CopyTo(std::ostream& out) {
  bool ok = !failed_;
  if (file_ != nullptr) {
    ok = std::fflush(file_) == 0 && ok;
    std::rewind(file_);
    char buffer[1 << 16];
    size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, file_)) > 0) {
      out.write(buffer, static_cast<std::streamsize>(got));
    }
    ok = ok && !std::ferror(file_);
  }
  out << memory_;
  // A lost part must not pass for a whole report: the writer's Commit fails.
  if (!ok) out.setstate(std::ios::badbit);
  return ok;
}

}  // namespace claimlint::report::internal
