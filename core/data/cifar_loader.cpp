#include "core/data/cifar_loader.h"

#include <limits>

#include <optional>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include <variant>

#include "core/util/error.h"
#include "core/util/parallel.h"
#include "core/data/file_source.h"

namespace poisonlab {
namespace {

/// Width and height from a PNG, JPEG or BMP header, without decoding; otherwise what is wrong.
/// Only these three formats are decoded (docs/inputs.md): anything else (TIFF, WebP, JPEG 2000,
/// PxM, EXR, which OpenCV would decode in full whatever their size) is refused here, and so is
/// a header this walk cannot follow exactly as the decoder will.
using HeaderSize = std::variant<std::pair<int, int>, std::string>;
HeaderSize encodedImageSize(const std::vector<std::uint8_t>& b) {
  const std::string notOurs = "not a decodable image (JPEG, PNG or BMP expected)";
  auto be16 = [&](std::size_t o) { return (int(b[o]) << 8) | int(b[o + 1]); };
  auto be32 = [&](std::size_t o) {
    return (std::int64_t(b[o]) << 24) | (std::int64_t(b[o + 1]) << 16) |
           (std::int64_t(b[o + 2]) << 8) | std::int64_t(b[o + 3]);
  };
  auto clampInt = [](std::int64_t v) {
    return int(std::clamp<std::int64_t>(v, 0, std::numeric_limits<int>::max()));
  };
  static const std::uint8_t kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (b.size() >= 8 && std::equal(kPng, kPng + 8, b.begin())) {
    // The first chunk must be IHDR (the PNG specification; libpng refuses anything else).
    if (b.size() < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R')
      return std::string("a PNG whose first chunk is not IHDR");
    return std::make_pair(clampInt(be32(16)), clampInt(be32(20)));
  }
  if (b.size() >= 26 && b[0] == 'B' && b[1] == 'M') {
    auto le32 = [&](std::size_t o) {
      return std::int32_t(std::uint32_t(b[o]) | (std::uint32_t(b[o + 1]) << 8) |
                          (std::uint32_t(b[o + 2]) << 16) | (std::uint32_t(b[o + 3]) << 24));
    };
    const std::int64_t w = le32(18), h = le32(22);
    return std::make_pair(clampInt(w), clampInt(h < 0 ? -h : h));
  }
  if (b.size() >= 4 && b[0] == 0xff && b[1] == 0xd8) {
    // JPEG: walk the segments to the first start-of-frame marker, strictly: a byte where a
    // marker belongs (libjpeg skips such bytes and may find another frame), a marker without
    // a length before the frame, a length under 2 or past the end are refused, not decoded.
    const std::string broken = "a JPEG whose markers before its frame header are not well formed";
    std::size_t o = 2;
    for (;;) {
      if (o + 4 > b.size() || b[o] != 0xff) return broken;
      while (o + 1 < b.size() && b[o + 1] == 0xff) ++o;  // fill bytes (allowed by the standard)
      if (o + 4 > b.size()) return broken;
      const int marker = b[o + 1];
      const bool standalone = marker == 0x00 || marker == 0x01 || marker == 0xd8 ||
                              marker == 0xd9 || (marker >= 0xd0 && marker <= 0xd7);
      if (standalone) return broken;
      const std::size_t length = std::size_t(be16(o + 2));
      if (length < 2 || o + 2 + length > b.size()) return broken;
      const bool sof =
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (sof) {
        if (length < 8) return broken;
        return std::make_pair(be16(o + 7), be16(o + 5));
      }
      o += 2 + length;
    }
  }
  return notOurs;
}

// ---- official binary layout ------------------------------------------------------------

/// Which split a batch file belongs to: 1..5 for data_batch_N.bin, 0 for test_batch.bin, -1 else.
int binaryBatchNumber(const std::string& fileName) {
  if (fileName == "test_batch.bin") return 0;
  const std::string prefix = "data_batch_";
  if (fileName.size() == prefix.size() + 5 && fileName.compare(0, prefix.size(), prefix) == 0 &&
      fileName.compare(fileName.size() - 4, 4, ".bin") == 0) {
    const char d = fileName[prefix.size()];
    if (d >= '1' && d <= '0' + kCifarTrainBatches) return d - '0';
  }
  return -1;
}

struct BinaryFile {
  std::string path;
  std::vector<std::uint8_t> bytes;
};

void appendRecords(const std::string& where, const BinaryFile& f, Split& split) {
  if (f.bytes.empty()) throw Error(where + "/" + f.path + ": empty record file");
  if (f.bytes.size() % kCifarRecordBytes != 0)
    throw Error(where + "/" + f.path + ": size " + std::to_string(f.bytes.size()) +
                " bytes is not a whole number of 3,073-byte records (truncated or not a CIFAR-10 "
                "batch file)");
  const std::size_t n = f.bytes.size() / kCifarRecordBytes;
  const std::size_t first = split.count();
  split.images.resize((first + n) * kImageBytes);
  split.labels.resize(first + n);
  for (std::size_t r = 0; r < n; ++r) {
    const std::uint8_t* rec = f.bytes.data() + r * kCifarRecordBytes;
    if (rec[0] > 9)
      throw Error(where + "/" + f.path + ": record " + std::to_string(r) + " has label byte " +
                  std::to_string(rec[0]) + ", outside 0..9");
    split.labels[first + r] = rec[0];
    std::copy(rec + 1, rec + kCifarRecordBytes, split.image(first + r));
  }
}

Dataset assembleBinary(const std::string& root, std::map<int, BinaryFile>& batches,
                       const std::string& metaText) {
  Dataset ds;
  ds.source = root;
  ds.format = DataFormat::CifarBinary;
  ds.classNames = cifar10ClassNames();
  std::string dir;
  for (int b = 1; b <= kCifarTrainBatches; ++b)
    if (batches.count(b)) dir = batches[b].path.substr(0, batches[b].path.rfind('/') + 1);
  for (int b = 1; b <= kCifarTrainBatches; ++b) {
    if (!batches.count(b))
      throw Error(root + ": missing training batch " + dir + "data_batch_" + std::to_string(b) +
                  ".bin (the training split needs data_batch_1.bin .. data_batch_5.bin)");
    appendRecords(root, batches[b], ds.train);
    batches[b].bytes = {};
  }
  if (!batches.count(0))
    throw Error(root + ": missing split 'test': " + dir + "test_batch.bin not found");
  appendRecords(root, batches[0], ds.test);
  // batches.meta.txt holds the class names, one a line; use it when it has ten.
  std::vector<std::string> names;
  std::string cur;
  for (char c : metaText + "\n") {
    if (c == '\n' || c == '\r') {
      if (!cur.empty()) names.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (names.size() == 10) ds.classNames = names;
  return ds;
}

// ---- image-folder layout ---------------------------------------------------------------

bool isHidden(const std::vector<std::string>& parts) {
  for (const auto& p : parts)
    if (p.empty() || p[0] == '.' || p == "__MACOSX") return true;
  return false;
}

/// Where an image-folder entry sits: <prefix>/<split>/<class>/<file>.
struct FolderPlace {
  std::string prefix, split, cls, file;
};

/// Recognises `.../train/<class>/<file>` and `.../test/<class>/<file>` (and the class folders
/// themselves when `isDir`).
bool placeOf(const std::vector<std::string>& parts, bool isDir, FolderPlace& out) {
  const std::size_t need = isDir ? 2 : 3;
  if (parts.size() < need) return false;
  const std::size_t s = parts.size() - need;
  if (parts[s] != "train" && parts[s] != "test") return false;
  out.prefix.clear();
  for (std::size_t i = 0; i < s; ++i) out.prefix += parts[i] + "/";
  out.split = parts[s];
  out.cls = parts[s + 1];
  out.file = isDir ? std::string() : parts[s + 2];
  return true;
}

/// Orders "2.jpg" before "10.jpg": digit runs compare by value.
bool naturalLess(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) &&
        std::isdigit(static_cast<unsigned char>(b[j]))) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      std::string da = a.substr(i, ie - i), db = b.substr(j, je - j);
      da.erase(0, std::min(da.find_first_not_of('0'), da.size()));
      db.erase(0, std::min(db.find_first_not_of('0'), db.size()));
      if (da.size() != db.size()) return da.size() < db.size();
      if (da != db) return da < db;
      if (ie - i != je - j) return ie - i < je - j;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

struct EncodedImage {
  std::string path;  // relative to the root, for error messages
  std::string file;  // for ordering
  std::vector<std::uint8_t> bytes;
};

using ClassFiles = std::map<std::string, std::vector<EncodedImage>>;

std::vector<std::string> classOrder(const std::set<std::string>& names) {
  const auto& cifar = cifar10ClassNames();
  if (names == std::set<std::string>(cifar.begin(), cifar.end())) return cifar;
  return std::vector<std::string>(names.begin(), names.end());  // std::set is sorted
}

void decodeInto(const std::string& root, std::vector<const EncodedImage*>& order, Split& split,
                const ProgressFn& progress, double p0, double p1, const CancelToken* cancel) {
  std::mutex errMutex;
  std::string firstError;
  const int n = static_cast<int>(order.size());
  const int chunk = 1024;
  for (int start = 0; start < n; start += chunk) {
    if (cancel) cancel->throwIfCancelled();
    const int stop = std::min(n, start + chunk);
    parallelFor(static_cast<std::size_t>(stop - start), [&](std::size_t from, std::size_t to) {
      for (int i = start + static_cast<int>(from); i < start + static_cast<int>(to); ++i) {
        const EncodedImage& e = *order[static_cast<std::size_t>(i)];
        std::string problem;
        cv::Mat bgr;
        // The header's size first: a 100,000 x 100,000 PNG is a few bytes and gigabytes
        // decoded.
        const HeaderSize header = encodedImageSize(e.bytes);
        if (const auto* why = std::get_if<std::string>(&header)) {
          std::lock_guard<std::mutex> lock(errMutex);
          if (firstError.empty()) firstError = root + "/" + e.path + ": " + *why;
          continue;
        }
        if (const auto size = std::get<std::pair<int, int>>(header);
            size.first != kImageSide || size.second != kImageSide) {
          std::lock_guard<std::mutex> lock(errMutex);
          if (firstError.empty())
            firstError = root + "/" + e.path + ": image is " + std::to_string(size.first) + "x" +
                         std::to_string(size.second) + ", expected 32x32";
          continue;
        }
        try {
          bgr = cv::imdecode(cv::Mat(1, static_cast<int>(e.bytes.size()), CV_8U,
                                     const_cast<std::uint8_t*>(e.bytes.data())),
                             cv::IMREAD_COLOR);
        } catch (const cv::Exception& ex) {
          bgr.release();
        }
        if (e.bytes.empty() || bgr.empty()) {
          problem = "not a decodable image (JPEG, PNG or BMP expected)";
        } else if (bgr.rows != kImageSide || bgr.cols != kImageSide) {
          problem = "image is " + std::to_string(bgr.cols) + "x" + std::to_string(bgr.rows) +
                    ", expected 32x32";
        }
        if (!problem.empty()) {
          std::lock_guard<std::mutex> lock(errMutex);
          if (firstError.empty()) firstError = root + "/" + e.path + ": " + problem;
          continue;
        }
        std::uint8_t* dst = split.image(static_cast<std::size_t>(i));
        for (int r = 0; r < kImageSide; ++r) {
          const std::uint8_t* row = bgr.ptr<std::uint8_t>(r);
          for (int c = 0; c < kImageSide; ++c) {
            dst[0 * kPlaneBytes + r * kImageSide + c] = row[3 * c + 2];
            dst[1 * kPlaneBytes + r * kImageSide + c] = row[3 * c + 1];
            dst[2 * kPlaneBytes + r * kImageSide + c] = row[3 * c + 0];
          }
        }
      }
    });
    if (!firstError.empty()) throw Error(firstError);
    report(progress, p0 + (p1 - p0) * double(stop) / double(std::max(1, n)), "decoding images");
  }
}

Dataset assembleFolder(const std::string& root, std::map<std::string, ClassFiles>& splits,
                       const std::set<std::string>& prefixes,
                       const std::map<std::string, std::set<std::string>>& classDirs,
                       const ProgressFn& progress, const CancelToken* cancel) {
  if (prefixes.size() > 1)
    throw Error(root + ": holds more than one train/ + test/ tree (" +
                (prefixes.begin()->empty() ? std::string("./") : *prefixes.begin()) + " and " +
                *std::next(prefixes.begin()) + "); point to one of them");
  const std::string prefix = prefixes.empty() ? "" : *prefixes.begin();
  for (const char* s : {"train", "test"})
    if (!classDirs.count(s))
      throw Error(root + ": missing split '" + s + "': no " + prefix + s +
                  "/<class>/ folders found");
  const auto& trainClasses = classDirs.at("train");
  const auto& testClasses = classDirs.at("test");
  for (const auto& c : trainClasses)
    if (!testClasses.count(c))
      throw Error(root + ": class folder '" + c + "' is in " + prefix + "train/ but missing from " +
                  prefix + "test/");
  for (const auto& c : testClasses)
    if (!trainClasses.count(c))
      throw Error(root + ": class folder '" + c + "' is in " + prefix + "test/ but missing from " +
                  prefix + "train/");
  if (trainClasses.size() > 256) throw Error(root + ": more than 256 class folders");
  if (trainClasses.size() < 2) throw Error(root + ": needs at least two class folders");
  Dataset ds;
  ds.source = root;
  ds.format = DataFormat::ImageFolder;
  ds.classNames = classOrder(trainClasses);
  int splitNo = 0;
  for (const char* s : {"train", "test"}) {
    ClassFiles& files = splits[s];
    std::vector<const EncodedImage*> order;
    std::vector<std::uint8_t> labels;
    for (std::size_t label = 0; label < ds.classNames.size(); ++label) {
      auto& list = files[ds.classNames[label]];
      if (list.empty())
        throw Error(root + ": empty class folder " + prefix + s + "/" + ds.classNames[label]);
      std::sort(list.begin(), list.end(), [](const EncodedImage& a, const EncodedImage& b) {
        return naturalLess(a.file, b.file);
      });
      for (const auto& e : list) {
        order.push_back(&e);
        labels.push_back(static_cast<std::uint8_t>(label));
      }
    }
    Split& split = splitNo == 0 ? ds.train : ds.test;
    split.resize(order.size());
    split.labels = labels;
    const double p0 = 0.5 + 0.25 * splitNo, p1 = p0 + 0.25;
    decodeInto(root, order, split, progress, p0, p1, cancel);
    files.clear();
    ++splitNo;
  }
  return ds;
}

}  // namespace

Dataset loadDataset(const std::string& path, const ProgressFn& progress,
                    const CancelToken* cancel) {
  std::string root = path;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  std::map<int, BinaryFile> batches;
  std::string metaText;
  std::map<std::string, ClassFiles> splits;
  std::set<std::string> prefixes;
  std::map<std::string, std::set<std::string>> classDirs;  // split -> class folders seen

  auto want = [&](const SourceEntry& e) {
    const auto parts = splitPath(e.path);
    if (parts.empty() || isHidden(parts)) return false;
    if (!e.isDirectory && binaryBatchNumber(parts.back()) >= 0) return true;
    if (!e.isDirectory && parts.back() == "batches.meta.txt") return true;
    FolderPlace place;
    if (!placeOf(parts, e.isDirectory, place)) return false;
    classDirs[place.split].insert(place.cls);
    prefixes.insert(place.prefix);
    return !e.isDirectory;
  };
  auto take = [&](const SourceEntry& e, std::vector<std::uint8_t>&& bytes) {
    const auto parts = splitPath(e.path);
    const int b = binaryBatchNumber(parts.back());
    if (b >= 0) {
      if (batches.count(b))
        throw Error(root + ": two copies of " + parts.back() + " (" + batches[b].path + " and " +
                    e.path + ")");
      batches[b] = BinaryFile{e.path, std::move(bytes)};
      return;
    }
    if (parts.back() == "batches.meta.txt") {
      metaText.assign(bytes.begin(), bytes.end());
      return;
    }
    FolderPlace place;
    placeOf(parts, false, place);
    splits[place.split][place.cls].push_back(EncodedImage{e.path, place.file, std::move(bytes)});
  };
  auto readProgress = [&](double f, const std::string& text) { report(progress, 0.5 * f, text); };
  walkSource(root, want, take, readProgress, cancel);

  if (!batches.empty()) {
    Dataset ds = assembleBinary(root, batches, metaText);
    report(progress, 1.0, "loaded");
    return ds;
  }
  if (!classDirs.empty()) {
    Dataset ds = assembleFolder(root, splits, prefixes, classDirs, progress, cancel);
    report(progress, 1.0, "loaded");
    return ds;
  }
  throw Error(root +
              ": no CIFAR-10 data found (expected cifar-10-batches-bin/data_batch_1.bin .. "
              "test_batch.bin, or train/<class>/ and test/<class>/ image folders)");
}

}  // namespace poisonlab
