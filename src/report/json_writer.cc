#include "report/json_writer.h"

#include "core/core.h"

#include <cstdio>

namespace claimlint::report {

void AppendJsonString(std::string& out, std::string_view value) {
  out += '"';
  const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
  for (size_t i = 0; i < value.size();) {
    unsigned char c = bytes[i];
    if (c >= 0x80) {
      size_t length = Utf8SequenceLength(bytes + i, value.size() - i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(value.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

void JsonWriter::Indent(int depth) { out_.append(static_cast<size_t>(depth) * 2, ' '); }

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  out_ += levels_.back().empty ? "\n" : ",\n";
  levels_.back().empty = false;
  Indent(depth_ + static_cast<int>(levels_.size()));
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  levels_.push_back({bracket == '{' ? '}' : ']', true});
}

void JsonWriter::End() {
  Level level = levels_.back();
  levels_.pop_back();
  if (!level.empty) {
    out_ += '\n';
    Indent(depth_ + static_cast<int>(levels_.size()));
  }
  out_ += level.close;
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonWriter::Number(uint64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Strings(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& value : values) String(value);
  End();
}

}  // namespace claimlint::report
