#include "core/data/data_location.h"

#include <cstdlib>
#include <filesystem>

#include "core/util/error.h"

namespace fs = std::filesystem;

namespace poisonlab {

std::string userDataDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "poisonlab").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "poisonlab").string();
}

std::optional<DataLocation> resolveDataLocation(const std::string& explicitPath) {
  std::error_code ec;
  if (!explicitPath.empty()) {
    if (!fs::exists(explicitPath, ec))
      throw Error("--data: " + explicitPath + ": no such file or folder");
    return DataLocation{explicitPath, "--data"};
  }
  if (const char* env = std::getenv("POISONLAB_DATA"); env && *env) {
    if (!fs::exists(env, ec))
      throw Error(std::string("POISONLAB_DATA: ") + env + ": no such file or folder");
    return DataLocation{env, "POISONLAB_DATA"};
  }
  const fs::path dir = userDataDir();
  for (const char* name :
       {"cifar-10-batches-bin", "cifar-10-binary.tar.gz", "cifar10-jpeg.tar.gz", "cifar10-jpeg"}) {
    if (fs::exists(dir / name, ec)) return DataLocation{(dir / name).string(), "user data folder"};
  }
  return std::nullopt;
}

std::string howToGetData() {
  return "No CIFAR-10 data found. Get it in one of these ways:\n"
         "  poisonlab-cli download                      fetch the official cifar-10-binary.tar.gz "
         "(163 MB)\n"
         "                                              into " +
         userDataDir() +
         "\n"
         "  --data PATH                                 use a folder or .tar.gz you already have\n"
         "  export POISONLAB_DATA=PATH                  the same, for every command\n"
         "PATH may be cifar-10-batches-bin/, cifar-10-binary.tar.gz, or an image-folder tree\n"
         "train/<class>/*.jpg + test/<class>/*.jpg (as a folder or .tar.gz).\n";
}

}  // namespace poisonlab
