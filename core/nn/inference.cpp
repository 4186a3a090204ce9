// Running a saved model on images: predictions, class probabilities, layer activations.
#include "core/nn/inference_impl.h"

#include "core/util/error.h"

namespace poisonlab {
namespace nn {

LoadedModel loadForInference(const std::string& modelPath, const std::string& device,
                             Precision precision, int threads) {
  LoadedModel m;
  m.rt = chooseRuntime(device, precision, threads);
  m.model = prepare(loadModel(modelPath), m.rt);
  m.model->eval();
  return m;
}

namespace {
/// The options' batch, or the machine's best for this model (inferenceBatch) when 0.
int batchFor(const InferenceOptions& o, const LoadedModel& m) {
  return o.batch > 0 ? o.batch : inferenceBatch(m.rt, m.model->spec().width);
}
}  // namespace

std::vector<std::int64_t> resolveIndices(const std::vector<std::int64_t>& indices,
                                         const Split& split) {
  if (indices.empty()) {
    std::vector<std::int64_t> all(split.count());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::int64_t>(i);
    return all;
  }
  for (auto i : indices)
    if (i < 0 || static_cast<std::size_t>(i) >= split.count())
      throw Error("index " + std::to_string(i) + " is outside 0.." +
                  std::to_string(split.count() - 1));
  return indices;
}

std::vector<int> predict(ResNet& model, const Split& split,
                         const std::vector<std::int64_t>& indices, const Runtime& rt,
                         const CancelToken* cancel) {
  const auto idx = resolveIndices(indices, split);
  std::vector<int> out(idx.size());
  runBatches(model, rt, split, idx, "fc", inferenceBatch(rt, model->spec().width), {}, cancel,
             [&](const torch::Tensor& logits, std::size_t start, std::int64_t n) {
               torch::Tensor pred = logits.argmax(1).to(torch::kInt32).contiguous();
               std::copy(pred.data_ptr<int>(), pred.data_ptr<int>() + n,
                         out.begin() + static_cast<std::ptrdiff_t>(start));
             });
  return out;
}

}  // namespace nn

std::int64_t parameterCount(const ModelSpec& spec) {
  nn::ResNet model = nn::makeModel(spec);
  std::int64_t n = 0;
  for (const auto& p : model->parameters()) n += p.numel();
  return n;
}

void forEachActivationBatch(const std::string& modelPath, const Split& split,
                            const std::string& layer, const std::vector<std::int64_t>& indices,
                            const InferenceOptions& o, const ActivationBatchFn& fn,
                            const ProgressFn& progress, const CancelToken* cancel) {
  nn::LoadedModel m = nn::loadForInference(modelPath, o.device, o.precision, o.threads);
  const auto idx = nn::resolveIndices(indices, split);
  nn::runBatches(m.model, m.rt, split, idx, layer, nn::batchFor(o, m), progress, cancel,
                 [&](const torch::Tensor& y, std::size_t start, std::int64_t n) {
                   fn(y.data_ptr<float>(), start, static_cast<std::size_t>(n),
                      static_cast<std::size_t>(y.size(1)));
                 });
}

void forEachLayersBatch(const std::string& modelPath, const Split& split,
                        const std::vector<std::string>& layers,
                        const std::vector<std::int64_t>& indices, const InferenceOptions& o,
                        const LayersBatchFn& fn, const ProgressFn& progress,
                        const CancelToken* cancel) {
  nn::LoadedModel m = nn::loadForInference(modelPath, o.device, o.precision, o.threads);
  const auto idx = nn::resolveIndices(indices, split);
  nn::runLayerBatches(
      m.model, m.rt, split, idx, layers, nn::batchFor(o, m), progress, cancel,
      [&](std::size_t k, const torch::Tensor& y, std::size_t start, std::int64_t n) {
        fn(k, y.data_ptr<float>(), start, static_cast<std::size_t>(n),
           static_cast<std::size_t>(y.size(1)));
      });
}

LayerActivations layerActivations(const std::string& modelPath, const Split& split,
                                  const std::string& layer,
                                  const std::vector<std::int64_t>& indices,
                                  const InferenceOptions& o, const ProgressFn& progress,
                                  const CancelToken* cancel) {
  LayerActivations out;
  out.layer = layer;
  out.count = indices.empty() ? split.count() : indices.size();
  forEachActivationBatch(
      modelPath, split, layer, indices, o,
      [&](const float* rows, std::size_t start, std::size_t n, std::size_t dim) {
        if (out.dim == 0) {
          out.dim = dim;
          out.values.resize(out.count * out.dim);
        }
        std::copy(rows, rows + n * dim,
                  out.values.begin() + static_cast<std::ptrdiff_t>(start * dim));
      },
      progress, cancel);
  return out;
}

std::vector<float> classProbabilities(const std::string& modelPath, const Split& split,
                                      const std::vector<std::int64_t>& indices,
                                      const InferenceOptions& o, const ProgressFn& progress,
                                      const CancelToken* cancel) {
  std::vector<float> out;
  forEachActivationBatch(
      modelPath, split, "fc", indices, o,
      [&](const float* logits, std::size_t start, std::size_t n, std::size_t classes) {
        if (out.empty()) out.resize((indices.empty() ? split.count() : indices.size()) * classes);
        torch::Tensor p = torch::softmax(torch::from_blob(const_cast<float*>(logits),
                                                          {static_cast<std::int64_t>(n),
                                                           static_cast<std::int64_t>(classes)}),
                                         1)
                              .contiguous();
        std::copy(p.data_ptr<float>(), p.data_ptr<float>() + p.numel(),
                  out.begin() + static_cast<std::ptrdiff_t>(start * classes));
      },
      progress, cancel);
  return out;
}

std::vector<float> modelParameterValues(const std::string& modelPath) {
  nn::ResNet model = nn::loadModel(modelPath);
  std::vector<float> out;
  for (const auto& p : model->parameters()) {
    torch::Tensor c = p.detach().to(torch::kFloat32).contiguous();
    out.insert(out.end(), c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
  }
  return out;
}

ModelSpec modelSpecOf(const std::string& modelPath) { return nn::readModelSpec(modelPath); }

ClassifierWeights readClassifier(const std::string& modelPath) {
  nn::ResNet model = nn::loadModel(modelPath);
  torch::Tensor w = model->classifier()->weight.detach().to(torch::kFloat32).contiguous();
  torch::Tensor b = model->classifier()->bias.detach().to(torch::kFloat32).contiguous();
  ClassifierWeights c;
  c.classes = static_cast<int>(w.size(0));
  c.dim = static_cast<int>(w.size(1));
  c.weight.assign(w.data_ptr<float>(), w.data_ptr<float>() + w.numel());
  c.bias.assign(b.data_ptr<float>(), b.data_ptr<float>() + b.numel());
  return c;
}

}  // namespace poisonlab
