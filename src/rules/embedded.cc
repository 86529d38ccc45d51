// The packs built into the binary: where they are and which a profile loads.
// Their text and snapshot are in embedded_packs.cc, which make_embedded_packs
// writes at build time.

#include <algorithm>

#include "rules/rules.h"

namespace claimlint::rules {

const PackSource* EmbeddedPack(std::string_view file_name) {
  std::string name = "<embedded:" + std::string(file_name) + ">";
  for (const PackSource& pack : EmbeddedPacks()) {
    if (pack.name == name) return &pack;
  }
  return nullptr;
}

const PackSource& EmbeddedLexicon() {
  static const PackSource& lexicon = *EmbeddedPack("lexicon.json");
  return lexicon;
}

const std::vector<std::string>& ProfileNames() {
  static const std::vector<std::string> names = {"us", "uk", "au"};
  return names;
}

StatusOr<std::vector<PackSource>> ProfileSources(const std::vector<std::string>& profiles) {
  std::vector<PackSource> sources = {EmbeddedLexicon(), *EmbeddedPack("core.json")};
  for (const std::string& profile : profiles) {
    if (profile != "core" &&
        std::find(ProfileNames().begin(), ProfileNames().end(), profile) ==
            ProfileNames().end()) {
      return Diagnostic{"CL206", "",
                        "unknown profile \"" + profile + "\"; the profiles are: core, us, uk, au",
                        true};
    }
  }
  for (const std::string& name : ProfileNames()) {
    if (std::find(profiles.begin(), profiles.end(), name) == profiles.end()) continue;
    const PackSource* pack = EmbeddedPack(name + ".json");
    if (pack == nullptr) {
      return Diagnostic{"CL206", "", "the " + name + " pack is not built into this binary", true};
    }
    sources.push_back(*pack);
  }
  return sources;
}

}  // namespace claimlint::rules
