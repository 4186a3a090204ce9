/// Fuzz target: the official CIFAR-10 binary release (cifar-10-batches-bin/ with
/// data_batch_1..5.bin, test_batch.bin and batches.meta.txt), read from a folder by the real
/// loader. The input holds the files in that order, cut at "%%FILE%%" lines (fuzz_support.h);
/// a missing piece is a missing file.
#include <cstdlib>

#include "core/data/cifar_loader.h"
#include "fuzz/fuzz_support.h"

using namespace poisonlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string dir = fuzz::freshScratch() + "/cifar-10-batches-bin";
  const auto pieces = fuzz::splitFiles({reinterpret_cast<const char*>(data), size});
  static const char* kNames[] = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                                 "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin",
                                 "batches.meta.txt"};
  for (std::size_t i = 0; i < pieces.size() && i < 7; ++i)
    fuzz::writeFile(dir + "/" + kNames[i], pieces[i]);
  fuzz::expectErrorOnly("loadDataset(cifar-10-batches-bin)", [&] {
    const Dataset ds = loadDataset(dir);
    fuzz::checkDataset(ds);
    if (ds.numClasses() != 10) std::abort();
  });
  return 0;
}
