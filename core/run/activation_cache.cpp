#include "core/run/activation_cache.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/run/prediction_cache.h"
#include "core/util/error.h"
#include "core/util/md5.h"
#include "core/util/npy.h"
#include "core/util/stopwatch.h"

namespace poisonlab {
namespace fs = std::filesystem;

namespace {

constexpr char kPrefix[] = "activations-";

/// Values per image of a layer of `spec` on 32 x 32 images (0 when the name is unknown).
std::size_t layerDim(const ModelSpec& spec, const std::string& layer) {
  const auto widths = spec.stageWidths();
  const auto blocks = spec.blocksPerStage();
  if (layer == "fc") return static_cast<std::size_t>(spec.numClasses);
  if (layer == "pool") return static_cast<std::size_t>(widths.back());
  if (layer == "stem") return static_cast<std::size_t>(widths[0]) * 32 * 32;
  for (std::size_t s = 0; s < blocks.size(); ++s) {
    const std::size_t side = 32u >> s;
    const std::string stage = "stage" + std::to_string(s + 1);
    if (layer == stage || layer.rfind(stage + ".block", 0) == 0)
      return static_cast<std::size_t>(widths[s]) * side * side;
  }
  return 0;
}

struct CacheFile {
  fs::path path;
  std::uintmax_t bytes = 0;
  fs::file_time_type time;
};

std::vector<CacheFile> cacheFiles(const fs::path& dir) {
  std::vector<CacheFile> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kPrefix, 0) != 0 || it->path().extension() != ".npy") continue;
    CacheFile f{it->path(), it->file_size(ec), it->last_write_time(ec)};
    if (!ec) out.push_back(f);
  }
  return out;
}

/// Removes the least recently used activation files until `incoming` more bytes fit.
void makeRoom(const fs::path& dir, std::uint64_t incoming, std::uint64_t limit) {
  auto files = cacheFiles(dir);
  std::sort(files.begin(), files.end(),
            [](const CacheFile& a, const CacheFile& b) { return a.time < b.time; });
  std::uint64_t total = incoming;
  for (const auto& f : files) total += f.bytes;
  std::error_code ec;
  for (const auto& f : files) {
    if (total <= limit) break;
    fs::remove(f.path, ec);
    if (!ec) total -= f.bytes;
  }
}

/// Reads the rows `idx` of a cached layer and hands them on in batches of `batch`.
void serveFromFile(const std::string& path, const std::vector<std::int64_t>& idx,
                   std::size_t expectRows, int batch, const ActivationBatchFn& fn,
                   const ProgressFn& progress, const CancelToken* cancel) {
  NpyReader r(path);
  if (r.rows() != expectRows || r.cols() == 0)
    throw Error(path + ": holds " + std::to_string(r.rows()) + " rows, the run has " +
                std::to_string(expectRows) + " training images");
  // Reading from the file has no cache cliff: 0 (the forward pass's automatic size) reads 256.
  const std::size_t d = r.cols(), b = static_cast<std::size_t>(batch > 0 ? batch : 256);
  std::vector<float> buf(b * d);
  for (std::size_t first = 0; first < idx.size(); first += b) {
    if (cancel) cancel->throwIfCancelled();
    const std::size_t n = std::min(b, idx.size() - first);
    // Runs of consecutive indices in one read.
    std::size_t k = 0;
    while (k < n) {
      std::size_t run = 1;
      while (k + run < n && idx[first + k + run] == idx[first + k] + static_cast<std::int64_t>(run))
        ++run;
      r.readRows(static_cast<std::size_t>(idx[first + k]), run, buf.data() + k * d);
      k += run;
    }
    fn(buf.data(), first, n, d);
    report(progress, double(first + n) / double(idx.size()), "reading cached activations");
  }
}

std::vector<std::int64_t> allOrChecked(const std::vector<std::int64_t>& indices, std::size_t n) {
  if (indices.empty()) {
    std::vector<std::int64_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<std::int64_t>(i);
    return all;
  }
  for (auto i : indices)
    if (i < 0 || static_cast<std::size_t>(i) >= n)
      throw Error("index " + std::to_string(i) + " is outside 0.." + std::to_string(n - 1));
  return indices;
}

}  // namespace

std::uint64_t activationCacheLimitBytes() {
  constexpr std::uint64_t kGiB = 1ull << 30;
  if (const char* v = std::getenv("POISONLAB_CACHE_GB")) {
    char* end = nullptr;
    const double gb = std::strtod(v, &end);
    if (end != v && std::isfinite(gb) && gb >= 0 && gb < 1e6)
      return static_cast<std::uint64_t>(gb * double(kGiB));
  }
  return 8 * kGiB;
}

std::string activationCachePath(const std::string& runDir, const std::string& modelMd5,
                                Precision precision, const std::string& layer) {
  return (fs::path(runDir) / "cache" /
          (kPrefix + modelMd5 + "-" + toString(precision) + "-" + layer + ".npy"))
      .string();
}

void forEachTrainingActivationBatch(const std::string& runDir, const std::string& modelPath,
                                    const PoisonedDataset& data, const std::string& layer,
                                    const std::vector<std::int64_t>& indices,
                                    const InferenceOptions& options, const ActivationBatchFn& fn,
                                    const ProgressFn& progress, const CancelToken* cancel,
                                    ActivationSource* source) {
  const auto start = Clock::now();
  ActivationSource local;
  ActivationSource& src = source ? *source : local;
  src = {};
  const std::size_t n = data.train.count();
  const std::uint64_t limit = activationCacheLimitBytes();
  const ModelSpec spec = modelSpecOf(modelPath);
  const std::size_t dim = layerDim(spec, layer);
  const std::uint64_t bytes = std::uint64_t(n) * dim * sizeof(float);
  if (runDir.empty() || limit == 0 || dim == 0 || bytes > limit) {
    forEachActivationBatch(modelPath, data.train, layer, indices, options, fn, progress, cancel);
    src.seconds = since(start);
    return;
  }
  const std::vector<std::int64_t> idx = allOrChecked(indices, n);
  const std::string md5 = md5OfFile(modelPath);
  const std::string path = activationCachePath(runDir, md5, options.precision, layer);
  std::error_code ec;
  if (fs::exists(path, ec)) {
    try {
      serveFromFile(path, idx, n, options.batch, fn, progress, cancel);
      fs::last_write_time(path, fs::file_time_type::clock::now(), ec);  // recently used
      src.fromCache = true;
      src.seconds = since(start);
      return;
    } catch (const Cancelled&) {
      throw;
    } catch (const Error&) {
      fs::remove(path, ec);  // damaged: computed again below
    }
  }
  // One pass for this layer and the default layers not cached yet, as long as they fit.
  std::vector<std::string> layers{layer};
  std::uint64_t total = bytes;
  for (const std::string& extra :
       {spec.lastBlockInputLayer(), std::string("pool"), std::string("fc")}) {
    if (std::find(layers.begin(), layers.end(), extra) != layers.end()) continue;
    const std::uint64_t b = std::uint64_t(n) * layerDim(spec, extra) * sizeof(float);
    if (b == 0 || total + b > limit ||
        fs::exists(activationCachePath(runDir, md5, options.precision, extra), ec))
      continue;
    layers.push_back(extra);
    total += b;
  }
  const fs::path dir = fs::path(runDir) / "cache";
  fs::create_directories(dir, ec);
  if (ec) throw Error(dir.string() + ": cannot create the cache folder: " + ec.message());
  makeRoom(dir, total, limit);
  std::vector<std::unique_ptr<NpyWriter>> writers(layers.size());
  forEachLayersBatch(
      modelPath, data.train, layers, {}, options,
      [&](std::size_t k, const float* rows, std::size_t first, std::size_t count, std::size_t d) {
        if (!writers[k])
          writers[k] = std::make_unique<NpyWriter>(
              activationCachePath(runDir, md5, options.precision, layers[k]), n, d);
        writers[k]->writeRows(first, rows, count);
      },
      [&](double f, const std::string& what) { report(progress, 0.95 * f, what); }, cancel);
  for (std::size_t k = 0; k < layers.size(); ++k) {
    if (!writers[k]) continue;
    writers[k]->commit();
    if (layers[k] == "fc") {
      // The window's predictions come from the same pass.
      const auto logits = readNpy(activationCachePath(runDir, md5, options.precision, "fc"));
      storeTrainingProbabilities(runDir, md5, options.precision, softmaxRows(logits));
    }
  }
  src.cached = true;
  serveFromFile(
      path, idx, n, options.batch, fn,
      [&](double f, const std::string& what) { report(progress, 0.95 + 0.05 * f, what); }, cancel);
  src.seconds = since(start);
}

LayerActivations trainingActivations(const std::string& runDir, const std::string& modelPath,
                                     const PoisonedDataset& data, const std::string& layer,
                                     const std::vector<std::int64_t>& indices,
                                     const InferenceOptions& options, const ProgressFn& progress,
                                     const CancelToken* cancel, ActivationSource* source) {
  LayerActivations out;
  out.layer = layer;
  out.count = indices.empty() ? data.train.count() : indices.size();
  forEachTrainingActivationBatch(
      runDir, modelPath, data, layer, indices, options,
      [&](const float* rows, std::size_t first, std::size_t count, std::size_t dim) {
        if (out.dim == 0) {
          out.dim = dim;
          out.values.resize(out.count * dim);
        }
        std::copy(rows, rows + count * dim,
                  out.values.begin() + static_cast<std::ptrdiff_t>(first * dim));
      },
      progress, cancel, source);
  return out;
}

}  // namespace poisonlab
