// Influence functions on LibTorch: the classifier layer exactly, and any layers through
// Hessian-vector products (double backward), solved by conjugate gradient or LiSSA.
#include <torch/torch.h>

#include <chrono>
#include <cmath>

#include "core/util/enum_names.h"
#include "core/util/error.h"
#include "core/util/stopwatch.h"
#include "core/detect/influence.h"
#include "core/nn/batches.h"
#include "core/nn/resnet.h"
#include "core/nn/runtime.h"
#include "core/util/rng.h"

namespace poisonlab {
namespace {

constexpr EnumName<HvpSolver> kSolvers[] = {{HvpSolver::Cg, "cg"}, {HvpSolver::Lissa, "lissa"}};

void checkCancel(const CancelToken* cancel) {
  if (cancel) cancel->throwIfCancelled();
}

/// [h, 1] in double, n x (d + 1).
torch::Tensor augmented(const float* rows, std::size_t n, std::size_t d) {
  torch::Tensor h =
      torch::from_blob(const_cast<float*>(rows), {static_cast<int64_t>(n), static_cast<int64_t>(d)},
                       torch::kFloat32)
          .to(torch::kFloat64);
  return torch::cat({h, torch::ones({static_cast<int64_t>(n), 1}, torch::kFloat64)}, 1);
}

torch::Tensor labelTensor(const std::vector<int>& labels, int classes, const char* what) {
  std::vector<int64_t> l(labels.begin(), labels.end());
  for (auto v : l)
    if (v < 0 || v >= classes)
      throw Error(std::string("influence: ") + what + " label " + std::to_string(v) +
                  " is outside 0.." + std::to_string(classes - 1));
  return torch::tensor(l, torch::kLong);
}

}  // namespace

const char* toString(HvpSolver s) { return enumToString(kSolvers, s); }
HvpSolver parseHvpSolver(const std::string& s, const std::string& field) {
  return parseEnum(kSolvers, s, field, "a solver");
}

ClassifierInfluence classifierInfluence(const float* train, std::size_t n,
                                        const std::vector<int>& trainLabels, const float* test,
                                        std::size_t m, const std::vector<int>& testLabels,
                                        const ClassifierWeights& w, double damping,
                                        bool selfInfluence, const CancelToken* cancel) {
  if (trainLabels.size() != n || testLabels.size() != m)
    throw Error("influence: labels and feature rows differ in number");
  if (n == 0) throw Error("influence: no training samples");
  if (damping < 0) throw Error("damping: must be >= 0");
  torch::NoGradGuard guard;
  const int64_t c = w.classes, d = w.dim, p = c * (d + 1);
  ClassifierInfluence out;
  out.parameters = static_cast<std::size_t>(p);
  auto t0 = Clock::now();
  // Weights as one C x (d + 1) matrix: logits = [h, 1] . wb^T.
  torch::Tensor wb =
      torch::cat({torch::from_blob(const_cast<float*>(w.weight.data()), {c, d}, torch::kFloat32),
                  torch::from_blob(const_cast<float*>(w.bias.data()), {c, 1}, torch::kFloat32)},
                 1)
          .to(torch::kFloat64);
  torch::Tensor h = augmented(train, n, static_cast<std::size_t>(d));
  torch::Tensor y = labelTensor(trainLabels, static_cast<int>(c), "training");
  torch::Tensor prob = torch::softmax(h.mm(wb.t()), 1);  // n x C
  torch::Tensor resid = prob - torch::one_hot(y, c).to(torch::kFloat64);
  {
    torch::Tensor pl = prob.gather(1, y.unsqueeze(1)).squeeze(1).contiguous();
    out.labelProbability.assign(pl.data_ptr<double>(), pl.data_ptr<double>() + n);
    torch::Tensor gn = (resid.norm(2, 1) * h.norm(2, 1)).contiguous();
    out.gradientNorm.assign(gn.data_ptr<double>(), gn.data_ptr<double>() + n);
  }

  // Hessian of the mean loss: block (a, b) = H^T diag(p_a (delta_ab - p_b)) H / n.
  torch::Tensor hess = torch::zeros({p, p}, torch::kFloat64);
  const int64_t k = d + 1;
  for (int64_t a = 0; a < c; ++a) {
    checkCancel(cancel);
    for (int64_t b = a; b < c; ++b) {
      torch::Tensor weight = prob.select(1, a) * ((a == b ? 1.0 : 0.0) - prob.select(1, b));
      torch::Tensor block = h.t().mm(h * weight.unsqueeze(1)) / double(n);
      hess.slice(0, a * k, (a + 1) * k).slice(1, b * k, (b + 1) * k).copy_(block);
      if (a != b) hess.slice(0, b * k, (b + 1) * k).slice(1, a * k, (a + 1) * k).copy_(block.t());
    }
  }
  hess.diagonal().add_(damping);
  torch::Tensor eig = torch::linalg_eigvalsh(hess, "L");
  out.minEigenvalue = eig[0].item<double>();
  out.maxEigenvalue = eig[-1].item<double>();
  if (!(out.minEigenvalue > 0))
    throw Error("influence: the damped Hessian is not positive definite (smallest eigenvalue " +
                std::to_string(out.minEigenvalue) + "); raise the damping");
  torch::Tensor chol = torch::linalg_cholesky(hess);
  out.hessianSeconds = since(t0);

  if (m > 0) {
    t0 = Clock::now();
    torch::Tensor ht = augmented(test, m, static_cast<std::size_t>(d));
    torch::Tensor yt = labelTensor(testLabels, static_cast<int>(c), "test");
    torch::Tensor rt = torch::softmax(ht.mm(wb.t()), 1) - torch::one_hot(yt, c).to(torch::kFloat64);
    torch::Tensor gTest = rt.t().mm(ht).reshape({p, 1});  // sum of test gradients
    torch::Tensor v = torch::cholesky_solve(gTest, chol).reshape({c, k});
    out.solveSeconds = since(t0);
    t0 = Clock::now();
    // score_i = sum_c resid_ic (h_i . v_c): no per-sample gradient is ever formed.
    torch::Tensor s = (h.mm(v.t()) * resid).sum(1).contiguous();
    out.scores.assign(s.data_ptr<double>(), s.data_ptr<double>() + n);
    out.scoreSeconds = since(t0);
  }
  if (selfInfluence) {
    t0 = Clock::now();
    out.selfScores.resize(n);
    const int64_t chunk = 4096;
    for (int64_t s = 0; s < static_cast<int64_t>(n); s += chunk) {
      checkCancel(cancel);
      const int64_t e = std::min<int64_t>(s + chunk, static_cast<int64_t>(n));
      // g_i = resid_i (x) h_i, as rows; |L^-1 g_i|^2 = g_i^T H^-1 g_i.
      torch::Tensor g =
          (resid.slice(0, s, e).unsqueeze(2) * h.slice(0, s, e).unsqueeze(1)).reshape({e - s, p});
      torch::Tensor z = torch::linalg_solve_triangular(chol, g.t(), /*upper=*/false, /*left=*/true,
                                                       /*unitriangular=*/false);
      torch::Tensor q = z.square().sum(0).contiguous();
      std::copy(q.data_ptr<double>(), q.data_ptr<double>() + (e - s), out.selfScores.begin() + s);
    }
    out.scoreSeconds += since(t0);
  }
  return out;
}

namespace {

/// Flattened dot product of two parameter lists.
torch::Tensor dot(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  torch::Tensor s = torch::zeros({}, torch::kFloat64);
  for (std::size_t i = 0; i < a.size(); ++i) s += (a[i].to(torch::kFloat64) * b[i]).sum();
  return s;
}

std::vector<torch::Tensor> axpy(double alpha, const std::vector<torch::Tensor>& x,
                                const std::vector<torch::Tensor>& y) {
  std::vector<torch::Tensor> out;
  for (std::size_t i = 0; i < x.size(); ++i) out.push_back(y[i] + alpha * x[i]);
  return out;
}

std::vector<torch::Tensor> zerosLike(const std::vector<torch::Tensor>& x) {
  std::vector<torch::Tensor> out;
  for (const auto& t : x) out.push_back(torch::zeros_like(t));
  return out;
}

/// The network above a cached layer, with the loss and its derivatives over its parameters.
class TopOfNetwork {
 public:
  TopOfNetwork(nn::ResNet model, const std::vector<std::string>& layers, const nn::Runtime& rt)
      : model_(std::move(model)), rt_(rt) {
    model_->eval();
    params_ = model_->layerParameters(layers);
    for (auto& q : model_->parameters()) q.set_requires_grad(false);
    for (auto& q : params_) q.set_requires_grad(true);
    input_ = model_->inputLayerOf(layers);
  }
  const std::string& inputLayer() const { return input_; }
  const std::vector<torch::Tensor>& params() const { return params_; }
  std::size_t parameterCount() const {
    std::size_t n = 0;
    for (const auto& q : params_) n += static_cast<std::size_t>(q.numel());
    return n;
  }

  /// Inputs of the top for images `idx` of `split`, computed without gradients.
  torch::Tensor below(const Split& split, const std::int64_t* idx, std::int64_t n) {
    torch::NoGradGuard guard;
    torch::Tensor x = nn::makeBatch(split, idx, n, {}, false).to(rt_.device);
    if (input_ == "input") return x;
    return model_->activations(x, {input_}).at(input_);
  }

  torch::Tensor losses(const torch::Tensor& inputs, const torch::Tensor& labels) {
    return torch::nn::functional::cross_entropy(
        model_->forwardFrom(inputs, input_), labels,
        torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
  }

  /// Gradient of the summed loss.
  std::vector<torch::Tensor> gradient(const torch::Tensor& inputs, const torch::Tensor& labels) {
    return torch::autograd::grad({losses(inputs, labels).sum()}, params_);
  }

  /// (sum of per-sample Hessians) . v over one batch.
  std::vector<torch::Tensor> hvp(const torch::Tensor& inputs, const torch::Tensor& labels,
                                 const std::vector<torch::Tensor>& v) {
    auto g = torch::autograd::grad({losses(inputs, labels).sum()}, params_, {},
                                   /*retain_graph=*/true, /*create_graph=*/true);
    torch::Tensor gv = torch::zeros({}, g[0].options());
    for (std::size_t i = 0; i < g.size(); ++i) gv = gv + (g[i] * v[i]).sum();
    return torch::autograd::grad({gv}, params_);
  }

  /// Per-sample directional derivatives grad L_i . v (double-backward trick: one forward, two
  /// backward passes for the whole batch).
  torch::Tensor directional(const torch::Tensor& inputs, const torch::Tensor& labels,
                            const std::vector<torch::Tensor>& v) {
    torch::Tensor l = losses(inputs, labels);
    torch::Tensor u = torch::zeros_like(l).requires_grad_(true);
    auto g = torch::autograd::grad({(l * u).sum()}, params_, {}, true, true);
    torch::Tensor gv = torch::zeros({}, g[0].options());
    for (std::size_t i = 0; i < g.size(); ++i) gv = gv + (g[i] * v[i]).sum();
    return torch::autograd::grad({gv}, {u})[0];
  }

 private:
  nn::ResNet model_;
  nn::Runtime rt_;
  std::vector<torch::Tensor> params_;
  std::string input_;
};

torch::Tensor labelsOf(const Split& split, const std::int64_t* idx, std::int64_t n,
                       const torch::Device& device) {
  torch::Tensor y = torch::empty({n}, torch::kLong);
  for (std::int64_t i = 0; i < n; ++i) y[i] = static_cast<int64_t>(split.labels[idx[i]]);
  return y.to(device);
}

}  // namespace

NetworkInfluenceResult networkInfluence(const std::string& modelPath, const Split& train,
                                        const std::vector<std::int64_t>& hessianSamples,
                                        const std::vector<std::int64_t>& candidates,
                                        const Split& testSplit,
                                        const std::vector<std::int64_t>& testIndices,
                                        const std::vector<int>& testLabels,
                                        const NetworkInfluenceOptions& o,
                                        const ProgressFn& progress, const CancelToken* cancel) {
  if (hessianSamples.empty()) throw Error("influence: no samples to estimate the Hessian on");
  if (testIndices.empty() || testIndices.size() != testLabels.size())
    throw Error("influence: no test points (or labels missing)");
  if (o.damping < 0) throw Error("damping: must be >= 0");
  for (auto i : hessianSamples)
    if (i < 0 || static_cast<std::size_t>(i) >= train.count())
      throw Error("influence: training index " + std::to_string(i) + " is out of range");
  for (auto i : candidates)
    if (i < 0 || static_cast<std::size_t>(i) >= train.count())
      throw Error("influence: candidate index " + std::to_string(i) + " is out of range");
  for (auto i : testIndices)
    if (i < 0 || static_cast<std::size_t>(i) >= testSplit.count())
      throw Error("influence: test index " + std::to_string(i) + " is out of range");
  const nn::Runtime rt = nn::chooseRuntime(o.runtime.device, Precision::Fp32, o.runtime.threads);
  TopOfNetwork top(nn::prepare(nn::loadModel(modelPath), rt), o.layers, rt);
  NetworkInfluenceResult out;
  out.parameters = top.parameterCount();
  out.inputLayer = top.inputLayer();
  const int64_t batch = std::max(1, o.batch);
  const int64_t m = static_cast<int64_t>(hessianSamples.size());

  // 1. The Hessian samples' inputs to the top, once.
  auto t0 = Clock::now();
  std::vector<torch::Tensor> cache, cacheLabels;
  for (int64_t s = 0; s < m; s += batch) {
    checkCancel(cancel);
    const int64_t n = std::min(batch, m - s);
    cache.push_back(top.below(train, hessianSamples.data() + s, n));
    cacheLabels.push_back(labelsOf(train, hessianSamples.data() + s, n, rt.device));
  }
  out.cacheSeconds = since(t0);

  // 2. The summed test gradient.
  t0 = Clock::now();
  std::vector<torch::Tensor> gTest;
  for (std::size_t s = 0; s < testIndices.size(); s += static_cast<std::size_t>(batch)) {
    checkCancel(cancel);
    const auto n = static_cast<int64_t>(std::min<std::size_t>(batch, testIndices.size() - s));
    std::vector<int64_t> lab(testLabels.begin() + static_cast<std::ptrdiff_t>(s),
                             testLabels.begin() + static_cast<std::ptrdiff_t>(s) + n);
    auto g = top.gradient(top.below(testSplit, testIndices.data() + s, n),
                          torch::tensor(lab, torch::kLong).to(rt.device));
    if (gTest.empty())
      gTest = g;
    else
      for (std::size_t i = 0; i < g.size(); ++i) gTest[i] += g[i];
  }
  for (auto& g : gTest) g = g.detach().to(torch::kFloat64);
  out.gradientSeconds = since(t0);

  // 3. v = (H + damping I)^-1 g_test, H the mean Hessian over the samples.
  t0 = Clock::now();
  auto hvpMean = [&](const std::vector<torch::Tensor>& v) {
    std::vector<torch::Tensor> vf;
    for (const auto& t : v) vf.push_back(t.to(torch::kFloat32));
    std::vector<torch::Tensor> acc = zerosLike(v);
    for (std::size_t b = 0; b < cache.size(); ++b) {
      checkCancel(cancel);
      auto hv = top.hvp(cache[b], cacheLabels[b], vf);
      for (std::size_t i = 0; i < acc.size(); ++i) acc[i] += hv[i].to(torch::kFloat64);
    }
    for (std::size_t i = 0; i < acc.size(); ++i) acc[i] = acc[i] / double(m) + o.damping * v[i];
    return acc;
  };
  std::vector<torch::Tensor> v;
  const double gNorm = std::sqrt(dot(gTest, gTest).item<double>());
  if (o.solver == HvpSolver::Cg) {
    v = zerosLike(gTest);
    std::vector<torch::Tensor> r = gTest, pdir = gTest;
    double rr = dot(r, r).item<double>();
    int it = 0;
    while (it < o.cgIterations && std::sqrt(rr) > o.cgTolerance * gNorm) {
      auto hp = hvpMean(pdir);
      const double pHp = dot(pdir, hp).item<double>();
      if (!(pHp > 0))
        throw Error(
            "influence: the damped Hessian is not positive definite along a CG direction "
            "(curvature p^T H p / p^T p = " +
            std::to_string(pHp / dot(pdir, pdir).item<double>()) + " at iteration " +
            std::to_string(it + 1) + "); raise --damping above its size, or use LiSSA");
      const double alpha = rr / pHp;
      v = axpy(alpha, pdir, v);
      r = axpy(-alpha, hp, r);
      const double rrNew = dot(r, r).item<double>();
      pdir = axpy(rrNew / rr, pdir, r);
      rr = rrNew;
      ++it;
      report(progress, 0.8 * it / double(o.cgIterations),
             "conjugate gradient " + std::to_string(it) + "/" + std::to_string(o.cgIterations));
    }
    out.iterations = it;
    out.relativeResidual = gNorm > 0 ? std::sqrt(rr) / gNorm : 0.0;
  } else {
    // LiSSA (Agarwal et al. 2017): h_j = g + (1 - damping / scale) h_{j-1} - H_batch h_{j-1} /
    // scale, whose fixed point h / scale = (H + damping I)^-1 g: the same damping as CG (Koh &
    // Liang's code subtracts damping unscaled, which damps by damping x scale).
    if (o.lissaScale <= 0) throw Error("scale: must be > 0");
    Rng rng(o.seed ^ 0x11554ULL);
    v = zerosLike(gTest);
    const int64_t lb = std::min<int64_t>(std::max(1, o.lissaBatch), m);
    std::vector<std::int64_t> everySample(static_cast<std::size_t>(m));
    for (std::int64_t q = 0; q < m; ++q) everySample[static_cast<std::size_t>(q)] = q;
    for (int rep = 0; rep < std::max(1, o.lissaRepeats); ++rep) {
      std::vector<torch::Tensor> cur = gTest;
      for (int j = 0; j < o.lissaDepth; ++j) {
        checkCancel(cancel);
        // A batch drawn without replacement: with --lissa-batch at the sample count the HVP is
        // the exact mean Hessian's (drawn with replacement it was a bootstrap, and the
        // recursion's inverse of a noisy H overshot by about 3 %, seen against the closed form).
        const std::vector<std::int64_t> pick =
            lb >= m ? everySample : sampleWithoutReplacement(everySample, std::size_t(lb), rng);
        // Gather the picked cached inputs.
        std::vector<torch::Tensor> xs, ys;
        for (auto q : pick) {
          const auto b = static_cast<std::size_t>(q / batch);
          xs.push_back(cache[b][q % batch]);
          ys.push_back(cacheLabels[b][q % batch]);
        }
        std::vector<torch::Tensor> cf;
        for (const auto& t : cur) cf.push_back(t.to(torch::kFloat32));
        auto hv = top.hvp(torch::stack(xs), torch::stack(ys), cf);
        for (std::size_t i = 0; i < cur.size(); ++i)
          cur[i] = gTest[i] + (1.0 - o.damping / o.lissaScale) * cur[i] -
                   hv[i].to(torch::kFloat64) / (double(lb) * o.lissaScale);
        const double norm = std::sqrt(dot(cur, cur).item<double>());
        if (!std::isfinite(norm))
          throw Error(
              "influence: LiSSA diverged (raise --scale above the Hessian's largest "
              "eigenvalue, or the damping)");
        ++out.iterations;
        report(
            progress,
            0.8 * (rep * o.lissaDepth + j + 1) / double(o.lissaDepth * std::max(1, o.lissaRepeats)),
            "LiSSA step " + std::to_string(j + 1) + "/" + std::to_string(o.lissaDepth));
      }
      for (std::size_t i = 0; i < v.size(); ++i) v[i] += cur[i] / o.lissaScale;
    }
    for (auto& t : v) t /= double(std::max(1, o.lissaRepeats));
    auto hv = hvpMean(v);
    double res = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
      res += (hv[i] - gTest[i]).square().sum().item<double>();
    out.relativeResidual = gNorm > 0 ? std::sqrt(res) / gNorm : 0.0;
  }
  out.solveSeconds = since(t0);

  // 4. Scores of the candidates: grad L_i . v.
  t0 = Clock::now();
  std::vector<torch::Tensor> vf;
  for (const auto& t : v) vf.push_back(t.to(torch::kFloat32));
  out.scores.resize(candidates.size());
  for (std::size_t s = 0; s < candidates.size(); s += static_cast<std::size_t>(batch)) {
    checkCancel(cancel);
    const auto n = static_cast<int64_t>(std::min<std::size_t>(batch, candidates.size() - s));
    torch::Tensor d = top.directional(top.below(train, candidates.data() + s, n),
                                      labelsOf(train, candidates.data() + s, n, rt.device), vf)
                          .to(torch::kCPU, torch::kFloat64)
                          .contiguous();
    std::copy(d.data_ptr<double>(), d.data_ptr<double>() + n, out.scores.begin() + s);
    report(progress, 0.8 + 0.2 * double(s + n) / double(candidates.size()), "scoring candidates");
  }
  out.scoreSeconds = since(t0);
  return out;
}

}  // namespace poisonlab
