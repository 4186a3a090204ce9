#pragma once
/// @file data_location.h
/// Where the data set is: `--data`, then $POISONLAB_DATA, then the user data folder that
/// `poisonlab-cli download` fills. An explicit path that does not exist is an error, never a
/// silent fall-through to the next place.

#include <optional>
#include <string>

namespace poisonlab {

/// $XDG_DATA_HOME/poisonlab, or ~/.local/share/poisonlab.
std::string userDataDir();

struct DataLocation {
  std::string path;
  std::string origin;  ///< "--data", "POISONLAB_DATA" or "user data folder"
};

/// Resolves the data location; nullopt when none is configured and the user folder holds no
/// data. Throws Error when `explicitPath` or $POISONLAB_DATA names a path that does not exist.
std::optional<DataLocation> resolveDataLocation(const std::string& explicitPath);

/// A few lines telling a user exactly how to get CIFAR-10 into PoisonLab.
std::string howToGetData();

}  // namespace poisonlab
