/// Fuzz target: a data set archive as raw bytes (tar, or tar compressed with anything
/// libarchive's filters read), loaded by the real loader: libarchive's reader, the entry caps,
/// the layout detection and the image decoders behind the header checks.
#include <cstdlib>

#include "core/data/cifar_loader.h"
#include "fuzz/fuzz_support.h"

using namespace poisonlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = fuzz::freshScratch() + "/data.tar.gz";
  fuzz::writeFile(path, {reinterpret_cast<const char*>(data), size});
  fuzz::expectErrorOnly("loadDataset(archive)", [&] { fuzz::checkDataset(loadDataset(path)); });
  return 0;
}
