// Internal to the report stage: a streaming JSON writer whose layout is
// nlohmann::json's dump(2) (two-space indent, "key": value), written
// straight to a string instead of through a tree: per finding, building
// ordered_json trees cost more than the whole scan.

#ifndef CLAIMLINT_REPORT_JSON_WRITER_H_
#define CLAIMLINT_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint::report {

class JsonWriter {
 public:
  // Writes into `out`, as if nested `depth` levels deep.
  JsonWriter(std::string& out, int depth) : out_(out), depth_(depth) {}

  void BeginObject() { Open('{'); }
  void BeginArray() { Open('['); }
  void End();  // closes the innermost object or array
  void Key(std::string_view key);
  void String(std::string_view value);
  void Number(uint64_t value);
  void Bool(bool value);
  void Strings(const std::vector<std::string>& values);

 private:
  void BeforeValue();
  void Open(char bracket);
  void Indent(int depth);

  struct Level {
    char close;
    bool empty;
  };
  std::string& out_;
  int depth_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// Appends `value` as a JSON string: quotes, backslashes and control
// characters escaped, UTF-8 kept, invalid bytes replaced by U+FFFD.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace claimlint::report

#endif  // CLAIMLINT_REPORT_JSON_WRITER_H_
