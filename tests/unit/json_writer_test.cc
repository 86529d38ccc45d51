// The hand-written JSON writer agrees with nlohmann::json's
// dump(2) byte for byte, invalid UTF-8 included.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/json_writer.h"
#include "report/report.h"

namespace claimlint::report {
namespace {

TEST(JsonWriter, StringsMatchNlohmannEscaping) {
  for (std::string value : {std::string("plain"), std::string("quote \" and \\ back"),
                            std::string("tab\tnew\nline\r\x01\x1f"),
                            std::string("caf\xC3\xA9 \xF0\x9F\x98\x80"),
                            std::string("bad \xFF byte \xC3 end \xED\xA0\x80")}) {
    std::string ours;
    AppendJsonString(ours, value);
    std::string theirs =
        nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ(ours, theirs) << value;
  }
}

TEST(JsonWriter, LayoutMatchesDumpWithTwoSpaces) {
  nlohmann::ordered_json expected = {{"a", 1},
                                     {"b", nlohmann::ordered_json::array()},
                                     {"c", {"x", "y"}},
                                     {"d", {{"e", true}, {"f", nlohmann::ordered_json::object()}}}};
  std::string ours;
  JsonWriter json(ours, 0);
  json.BeginObject();
  json.Key("a");
  json.Number(1);
  json.Key("b");
  json.BeginArray();
  json.End();
  json.Key("c");
  json.Strings({"x", "y"});
  json.Key("d");
  json.BeginObject();
  json.Key("e");
  json.Bool(true);
  json.Key("f");
  json.BeginObject();
  json.End();
  json.End();
  json.End();
  EXPECT_EQ(ours, expected.dump(2));
}

}  // namespace
}  // namespace claimlint::report
