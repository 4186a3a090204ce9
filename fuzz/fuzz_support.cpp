#include "fuzz/fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace fs = std::filesystem;

namespace poisonlab::fuzz {
namespace {

struct Scratch {
  fs::path dir;
  Scratch() {
    std::error_code ec;
    const char* tmp = std::getenv("TMPDIR");
    fs::path base = tmp && *tmp ? fs::path(tmp) : fs::path("/tmp");
    if ((!tmp || !*tmp) && fs::is_directory("/dev/shm", ec)) base = "/dev/shm";
    dir = base / ("poisonlab-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Scratch& scratch() {
  static Scratch s;
  return s;
}

}  // namespace

std::string freshScratch() {
  Scratch& s = scratch();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(s.dir, ec)) fs::remove_all(e.path(), ec);
  return s.dir.string();
}

void writeFile(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
}

std::vector<std::string_view> splitFiles(std::string_view input) {
  static constexpr std::string_view kSeparator = "\n%%FILE%%\n";
  std::vector<std::string_view> pieces;
  for (;;) {
    const std::size_t at = input.find(kSeparator);
    if (at == std::string_view::npos) {
      pieces.push_back(input);
      return pieces;
    }
    pieces.push_back(input.substr(0, at));
    input.remove_prefix(at + kSeparator.size());
  }
}

const Dataset& smallDataset(std::size_t train, std::size_t test) {
  static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<Dataset>> made;
  auto& slot = made[{train, test}];
  if (!slot) {
    slot = std::make_unique<Dataset>();
    Dataset& d = *slot;
    d.classNames = cifar10ClassNames();
    d.source = "fuzz-small-data";
    d.format = DataFormat::CifarBinary;
    for (Split* s : {&d.train, &d.test}) {
      s->resize(s == &d.train ? train : test);
      for (std::size_t i = 0; i < s->count(); ++i) {
        s->labels[i] = static_cast<std::uint8_t>(i % 10);
        for (int b = 0; b < kImageBytes; ++b)
          s->image(i)[b] = static_cast<std::uint8_t>((i * 31 + std::size_t(b) * 7) % 251);
      }
    }
  }
  return *slot;
}

void checkDataset(const Dataset& ds) {
  for (const Split* s : {&ds.train, &ds.test}) {
    if (s->images.size() != s->count() * kImageBytes) std::abort();
    for (auto l : s->labels)
      if (l >= ds.numClasses()) std::abort();
  }
}

bool verbose() {
  static const bool v = [] {
    const char* e = std::getenv("POISONLAB_FUZZ_VERBOSE");
    return e && *e && std::string(e) != "0";
  }();
  return v;
}

void reportForeignException(const char* what, const char* type, const char* message) {
  std::fprintf(stderr,
               "fuzz: %s threw %s, not poisonlab::Error (a bad file must get a message naming "
               "it): %s\n",
               what, type, message);
  std::abort();
}

}  // namespace poisonlab::fuzz
