// The dense linear algebra of the detectors on LibTorch: randomised SVD for Spectral Signatures.
#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/detect/spectral.h"

namespace poisonlab {

SpectralClassScores spectralScores(const float* rows, std::size_t n, std::size_t d,
                                   const SpectralOptions& o) {
  SpectralClassScores out;
  if (n == 0) return out;
  if (d == 0) throw Error("spectral signatures: the representation has no values");
  torch::NoGradGuard guard;
  // Views the caller's memory; copied once when centring.
  torch::Tensor r =
      torch::from_blob(const_cast<float*>(rows), {static_cast<int64_t>(n), static_cast<int64_t>(d)},
                       torch::kFloat32);
  torch::Tensor x = o.centred ? r - r.mean(0, /*keepdim=*/true) : r;
  const int64_t k =
      std::max<int64_t>(2, std::min<int64_t>(o.components, static_cast<int64_t>(std::min(n, d))));
  const int64_t l = std::min<int64_t>(k + 10, static_cast<int64_t>(std::min(n, d)));
  // Seeded Gaussian test matrix from our own generator: the same on every machine.
  Rng rng(o.seed ^ 0x5bd1e995ULL);
  torch::Tensor omega = torch::empty({static_cast<int64_t>(d), l}, torch::kFloat32);
  float* op = omega.data_ptr<float>();
  for (int64_t i = 0; i < omega.numel(); i += 2) {
    const double u1 = (static_cast<double>(rng.next() >> 11) + 0.5) * 0x1.0p-53;
    const double u2 = static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
    const double rad = std::sqrt(-2.0 * std::log(u1));
    op[i] = static_cast<float>(rad * std::cos(2 * M_PI * u2));
    if (i + 1 < omega.numel()) op[i + 1] = static_cast<float>(rad * std::sin(2 * M_PI * u2));
  }
  // Subspace iteration (Halko, Martinsson & Tropp 2011, alg. 4.4) with Rayleigh-Ritz
  // extraction, until the top right singular vector stops moving: a fixed number of power
  // steps leaves it mixed with the second one when their singular values are close.
  torch::Tensor q = std::get<0>(torch::linalg_qr(x.mm(omega)));
  torch::Tensor s, v, prev;
  for (int it = 0; it < 200; ++it) {
    out.iterations = it + 1;
    torch::Tensor y = x.t().mm(q);  // d x l: (Q^T X)^T, the projected matrix
    auto svd = torch::linalg_svd(y.t().to(torch::kFloat64), /*full_matrices=*/false);
    s = std::get<1>(svd);
    v = std::get<2>(svd)[0];
    if (prev.defined() && 1.0 - std::abs(v.dot(prev).item<double>()) < 1e-12) break;
    prev = v;
    q = std::get<0>(torch::linalg_qr(x.mm(std::get<0>(torch::linalg_qr(y)))));
  }
  v = v.to(torch::kFloat32);
  torch::Tensor proj = x.mv(v).to(torch::kFloat64);
  torch::Tensor score = o.centred ? proj.square() : proj.abs();
  out.scores.assign(score.data_ptr<double>(), score.data_ptr<double>() + n);
  for (int64_t i = 0; i < k; ++i) out.singular.push_back(s[i].item<double>());
  return out;
}

}  // namespace poisonlab
