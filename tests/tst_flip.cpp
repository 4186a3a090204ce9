// FLIP's algorithm (core/attack/flip.h, core/nn/flip_impl.h) tested against its specification
// (shared/docs/FLIP.md sections 3 and 4), not against its success: the differentiable step
// against LibTorch's SGD, the closed form, a finite-difference check of the label gradient in
// float64, the row sums, the matching loss falling, the selection by margin, the expert's PTA
// on a synthetic task, resume after a stop, the files both ways, and FLIP's ResNet-32.
// Torch first: Qt's `slots` macro breaks its headers.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "core/attack/flip.h"
#include "core/attack/label_file.h"
#include "core/nn/flip_impl.h"
#include "core/nn/resnet.h"
#include "core/train/inference.h"
#include "core/train/training.h"
#include "core/util/error.h"
#include "synthetic_tasks.h"

using namespace poisonlab;
namespace F = nn::flip;

namespace {

ModelSpec tiny(const char* arch = "resnet8p", int width = 4) {
  ModelSpec s;
  s.arch = arch;
  s.width = width;
  s.numClasses = 4;
  return s;
}

/// The settings of a run that takes seconds on the colour task: an 8 x 8 magenta square on the
/// yellow class, labelled red.
FlipConfig tinyFlip() {
  FlipConfig c;
  c.model = tiny("resnet8p", 8);
  c.trigger = TriggerSpec::defaults(TriggerType::Patch);
  c.trigger.pattern = TriggerPattern::Solid;
  c.trigger.color = {255, 0, 255};
  c.trigger.size = 8;
  c.trigger.row = 12;
  c.trigger.col = 12;
  c.source = 3;
  c.target = 0;
  c.experts = 1;
  c.expertEpochs = 12;
  c.batch = 32;
  c.checkpointEvery = 3;
  c.passes = 3;
  c.budgets = {5, 10, 20};
  c.threads = 2;
  c.seed = 3;
  return c;
}

}  // namespace

class TestFlip : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::shared_ptr<const Dataset> data_ = colourDataset(48, 24);
  FlipResult full_;  // an uninterrupted tiny run, computed once

  std::string dir(const char* name) { return tmp_.filePath(name).toStdString(); }

 private slots:
  void initTestCase() {
    full_ = computeFlipLabels(*data_, tinyFlip(), dir("full"));
    QVERIFY(!full_.logits.empty());
  }

  // FLIP.md 3.4: r32p is a pre-activation ResNet-32 with 464,154 parameters. (The
  // post-activation resnet32 happens to have the same count, so the structure is checked too.)
  void flipsResNet32() {
    ModelSpec s;
    s.arch = canonicalArch("r32p");
    QCOMPARE(QString::fromStdString(s.arch), QString("resnet32p"));
    QCOMPARE(parameterCount(s), std::int64_t(464154));
    nn::ResNet m = nn::makeModel(s);
    auto named = m->named_parameters();
    QVERIFY(named.find("final_bn.weight") != nullptr);
    QVERIFY(named.find("stem_bn.weight") == nullptr);
    // The first batch norm of a pre-activation block normalises its input: 16 channels where
    // stage 2 begins (32 in the post-activation block).
    QCOMPARE(named["stage2_block0.bn1.weight"].numel(), std::int64_t(16));
    // A stride-2 block with zero convolutions is its shortcut: average-pooled and padded.
    torch::NoGradGuard guard;
    for (auto& child : m->named_children())
      if (child.key() == "stage2_block0") {
        auto mod = child.value();
        for (auto& p : mod->named_parameters())
          if (p.key().find("conv") != std::string::npos) p.value().zero_();
        torch::Tensor x = torch::randn({1, 16, 4, 4});
        torch::Tensor y = mod->as<nn::BasicBlockImpl>()->forward(x);
        torch::Tensor pooled = torch::avg_pool2d(x, 2, 2);
        QCOMPARE(y.size(1), std::int64_t(32));
        QVERIFY(torch::allclose(y.slice(1, 8, 24), pooled));
        QVERIFY(y.slice(1, 0, 8).abs().max().item<float>() == 0.0f);
      }
    // Leaky ReLU (0.1): an identity block on -1 gives -1 + lrelu(lrelu(-1)) = -1.01 (ReLU
    // would give -1).
    nn::ResNet m8 = nn::makeModel(tiny("resnet8p", 4));
    m8->eval();
    for (auto& child : m8->named_children())
      if (child.key() == "stage1_block0") {
        auto mod = child.value();
        for (auto& p : mod->named_parameters())
          if (p.key().find("conv") != std::string::npos) {
            p.value().zero_();
            for (int c = 0; c < 4; ++c) p.value()[c][c][1][1] = 1.0f;
          }
        torch::Tensor y = mod->as<nn::BasicBlockImpl>()->forward(-torch::ones({1, 4, 3, 3}));
        QVERIFY2(std::abs(y[0][0][1][1].item<float>() + 1.01f) < 1e-4,
                 qPrintable(QString::number(y[0][0][1][1].item<float>())));
      }
  }

  void flipRecipe() {
    const TrainConfig c = namedRecipe("flip");
    QCOMPARE(QString::fromStdString(c.model.arch), QString("resnet32p"));
    QCOMPARE(c.epochs, 200);
    QCOMPARE(c.batchSize, 256);
    QCOMPARE(c.lr, 0.1);
    QVERIFY(c.nesterov && c.decayNorms);
    QCOMPARE(c.weightDecay, 2e-4);
    QVERIFY(c.schedule == Schedule::MultiStep);
    QCOMPARE(c.milestones, (std::vector<int>{75, 125}));
    QCOMPARE(c.labelSmoothing, 0.0);
    QVERIFY(c.augment == Augment::CropFlip);
    QVERIFY_THROWS_EXCEPTION(Error, namedRecipe("flipp"));
  }

  // FLIP.md 3.2 step 4: the written-out step is torch's SGD (Nesterov, momentum, decay).
  void differentiableStepIsTorchsSgd() {
    torch::manual_seed(1);
    nn::ResNet m = nn::makeModel(tiny());
    m->train();
    auto params = m->parameters();
    std::vector<torch::Tensor> theta, buf;
    for (auto& p : params) theta.push_back(p.detach().clone());
    torch::optim::SGD opt(
        params, torch::optim::SGDOptions(0.1).momentum(0.9).nesterov(true).weight_decay(2e-4));
    const F::SgdHyper h{0.1, 0.9, 2e-4, true};
    for (int step = 0; step < 3; ++step) {
      torch::Tensor x = torch::randn({8, 3, 8, 8});
      torch::Tensor y = torch::randint(0, 4, {8}, torch::kLong);
      opt.zero_grad();
      torch::nn::functional::cross_entropy(m->forward(x), y).backward();
      std::vector<torch::Tensor> grads;
      for (auto& p : params) grads.push_back(p.grad().clone());
      std::vector<torch::Tensor> nextBuf;
      theta = F::sgdStep(theta, grads, buf, h, &nextBuf);
      buf = nextBuf;
      opt.step();
      for (std::size_t i = 0; i < params.size(); ++i)
        QVERIFY2(torch::allclose(theta[i], params[i].detach(), 1e-6, 1e-7),
                 qPrintable(QString("step %1, parameter %2").arg(step).arg(i)));
      // Back onto the same start: the next step compares from equal parameters.
      for (std::size_t i = 0; i < params.size(); ++i) theta[i] = params[i].detach().clone();
    }
  }

  // FLIP.md 3.2, the closed form: theta_s - theta_e = -lr (1 + m) (g_s - g_e) and
  // theta0 - theta_e = lr [(1 + m)(g_e + wd theta0) + m^2 buf0].
  void closedForm() {
    torch::manual_seed(2);
    const F::SgdHyper h{0.07, 0.9, 2e-4, true};
    std::vector<torch::Tensor> th{torch::randn({5, 3}), torch::randn({7})};
    std::vector<torch::Tensor> buf{torch::randn({5, 3}), torch::randn({7})};
    std::vector<torch::Tensor> gs{torch::randn({5, 3}), torch::randn({7})};
    std::vector<torch::Tensor> ge{torch::randn({5, 3}), torch::randn({7})};
    const auto s = F::sgdStep(th, gs, buf, h), e = F::sgdStep(th, ge, buf, h);
    for (std::size_t i = 0; i < th.size(); ++i) {
      QVERIFY(torch::allclose(s[i] - e[i], -h.lr * (1 + h.momentum) * (gs[i] - ge[i]), 1e-5, 1e-6));
      QVERIFY(torch::allclose(th[i] - e[i],
                              h.lr * ((1 + h.momentum) * (ge[i] + h.weightDecay * th[i]) +
                                      h.momentum * h.momentum * buf[i]),
                              1e-5, 1e-6));
    }
  }

  // d(loss)/d(labels) through one level of double backward, against central differences in
  // float64 on a tiny network (batch statistics included).
  void labelGradientMatchesFiniteDifferences() {
    torch::manual_seed(4);
    nn::ResNet m = nn::makeModel(tiny("resnet8p", 2));
    m->to(torch::kFloat64);
    const auto opts = torch::TensorOptions().dtype(torch::kFloat64);
    torch::Tensor xe = torch::randn({6, 3, 8, 8}, opts), xs = torch::randn({6, 3, 8, 8}, opts);
    torch::Tensor ye = torch::randint(0, 4, {6}, torch::kLong);
    std::vector<torch::Tensor> buf0;
    for (auto& p : m->parameters()) buf0.push_back(0.1 * torch::randn_like(p));
    const F::SgdHyper h{0.1, 0.9, 2e-4, true};
    torch::Tensor rows = torch::randn({6, 4}, opts).requires_grad_(true);
    auto loss = [&](const torch::Tensor& r) {
      return F::matchingLoss(m, buf0, h, xe, ye, xs, r).loss;
    };
    torch::Tensor g = torch::autograd::grad({loss(rows)}, {rows})[0];
    // The label gradient passes through a softmax: each row's sums to zero.
    QVERIFY(g.sum(1).abs().max().item<double>() < 1e-12);
    const double eps = 1e-6;
    for (int i : {0, 3, 5})
      for (int c : {0, 2}) {
        torch::Tensor up = rows.detach().clone(), down = rows.detach().clone();
        up[i][c] += eps;
        down[i][c] -= eps;
        const double fd = (loss(up).item<double>() - loss(down).item<double>()) / (2 * eps);
        const double an = g[i][c].item<double>();
        QVERIFY2(std::abs(fd - an) <= 1e-6 * std::max(1.0, std::abs(fd)) + 1e-9,
                 qPrintable(QString("row %1 class %2: analytic %3, finite differences %4")
                                .arg(i)
                                .arg(c)
                                .arg(an, 0, 'g', 10)
                                .arg(fd, 0, 'g', 10)));
      }
  }

  // FLIP.md 3.2's invariant: rows start at 5 x one-hot and their sums stay 5.
  void rowSumsStayFive() {
    const std::size_t k = 4;
    double worst = 0, largest = 0;
    bool moved = false;
    for (std::size_t i = 0; i < data_->train.count(); ++i) {
      double sum = 0;
      for (std::size_t c = 0; c < k; ++c) {
        sum += full_.logits[i * k + c];
        largest = std::max(largest, double(std::abs(full_.logits[i * k + c])));
      }
      worst = std::max(worst, std::abs(sum - 5.0));
      moved |= std::abs(full_.logits[i * k + data_->train.labels[i]] - 5.0f) > 1e-3f;
    }
    // Exact in arithmetic; float32 rounding of updates of size ~`largest` is all that drifts.
    QVERIFY2(worst <= 1e-5 * std::max(1.0, largest) * full_.batchLosses.size(),
             qPrintable(QString("sum off by %1 with logits up to %2").arg(worst).arg(largest)));
    QVERIFY(moved);  // the passes did move the labels
  }

  // The matching loss falls as the labels learn: three passes from one start point (one
  // expert, one epoch, one checkpoint), each row seen once a pass.
  void matchingLossFalls() {
    FlipConfig c = tinyFlip();
    c.expertEpochs = 1;
    c.checkpointEvery = 7;  // 240 items / 32 = 7 iterations an epoch: one start point
    const FlipResult r = computeFlipLabels(*data_, c);
    QCOMPARE(int(r.passLosses.size()), c.passes);
    for (const auto& s : r.starts) QCOMPARE(s.iteration, 7);
    QVERIFY2(
        r.passLosses.back() < 0.9 * r.passLosses.front(),
        qPrintable(
            QString("pass losses %1 .. %2").arg(r.passLosses.front()).arg(r.passLosses.back())));
  }

  // FLIP.md 3.1: a dirty-label expert learns the trigger (near-100 % PTA) and the task.
  void expertLearnsTheTrigger() {
    QCOMPARE(int(full_.expertPta.size()), 1);
    const QString got = QString("CTA %1, PTA %2").arg(full_.expertCta[0]).arg(full_.expertPta[0]);
    QVERIFY2(full_.expertPta[0] >= 0.95, qPrintable(got));
    QVERIFY2(full_.expertCta[0] >= 0.9, qPrintable(got));
  }

  // A run stopped after a pass and resumed computes the labels of an uninterrupted run.
  void resumeGivesTheSameLabels() {
    const std::string d = dir("stopped");
    CancelToken token;
    FlipCallbacks cb;
    cb.onPass = [&](int pass, double) {
      if (pass == 1) token.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(Cancelled, computeFlipLabels(*data_, tinyFlip(), d, cb, &token));
    const FlipResult r = computeFlipLabels(*data_, tinyFlip(), d, {}, nullptr, /*resume=*/true);
    QCOMPARE(r.resumedFromPass, 1);
    QCOMPARE(r.logits.size(), full_.logits.size());
    float worst = 0;
    for (std::size_t i = 0; i < r.logits.size(); ++i)
      worst = std::max(worst, std::abs(r.logits[i] - full_.logits[i]));
    QVERIFY2(worst == 0.0f, qPrintable(QString::number(worst)));
    QCOMPARE(r.passLosses, full_.passLosses);
    // Other settings: refused, not mixed in.
    FlipConfig other = tinyFlip();
    other.labelLr = 10;
    QVERIFY_THROWS_EXCEPTION(Error, computeFlipLabels(*data_, other, d, {}, nullptr, true));
  }

  // FLIP.md 3.3 on a hand-made table: margins, top-n of any class, nested, the min over runs.
  void selectionByMargin() {
    // Six rows, three classes; true labels 0 0 1 1 2 2.
    const std::vector<std::uint8_t> truth{0, 0, 1, 1, 2, 2};
    const std::vector<float> a{5, 0, 0,   // margin -5
                               1, 3, 1,   // argmax 1 != 0: margin 2
                               0, 4, 1,   // -3
                               4, 1, 0,   // 3 (class 1 row flipped to 0)
                               0, 2, 3,   // -1
                               1, 0, 4};  // -3
    QCOMPARE(flipMargin(&a[3], 3, 0), 2.0);
    QCOMPARE(flipMargin(&a[0], 3, 0), -5.0);
    auto sel = selectFlips({a}, truth, 3, {2, 1, 3});
    QCOMPARE(int(sel.size()), 3);
    QCOMPARE(sel[0].budget, 1);
    QCOMPARE(sel[0].rows, (std::vector<int>{3}));
    QCOMPARE(sel[1].rows, (std::vector<int>{3, 1}));
    QCOMPARE(sel[2].rows, (std::vector<int>{3, 1, 4}));  // row 4 has margin -1, any class
    // Unselected rows: the true one-hot; selected: the label is the best non-true class.
    QCOMPARE(sel[2].labels[0 * 3 + 0], 1.0f);
    QCOMPARE(sel[2].labels[0 * 3 + 1], 0.0f);
    auto argmax = [](const float* r) { return int(std::max_element(r, r + 3) - r); };
    QCOMPARE(argmax(&sel[2].labels[4 * 3]), 1);  // row 4 (true 2): its best other class, 1
    QCOMPARE(argmax(&sel[0].labels[3 * 3]), 0);
    // Nested budgets push the true logit down once per budget (the reference, cumulative).
    QCOMPARE(sel[2].labels[3 * 3 + 1], 1.0f - 3 * 50000.0f);
    // The score is the minimum margin over runs: a second run that disagrees on row 3.
    std::vector<float> b = a;
    b[3 * 3 + 0] = 0;
    b[3 * 3 + 1] = 4;  // row 3 not flipped in run b: margin -4
    sel = selectFlips({a, b}, truth, 3, {1});
    QCOMPARE(sel[0].rows, (std::vector<int>{1}));
    // Only eligible rows.
    sel = selectFlips({a}, truth, 3, {1}, {0, 2, 4, 5});
    QCOMPARE(sel[0].rows, (std::vector<int>{4}));
  }

  // DIR/<n>.npy is FLIP's published format: it reads back through the importer, onto the data
  // set's rows, with the selected flips and nothing else.
  void filesGoBothWays() {
    const auto sel = selectFlips({full_.logits}, data_->train.labels, 4, {10}, full_.computedRows);
    const std::string file = dir("10.npy");
    writeLabelTable(file, *data_, LabelOrder{}, sel[0].labels, 4);
    const ImportedLabels imported = importLabels(*data_, file, LabelOrder{});
    QCOMPARE(imported.flipped, std::size_t(10));
    for (int r : sel[0].rows)
      QVERIFY(imported.labels[std::size_t(r)] != data_->train.labels[std::size_t(r)]);
    // In another row order (a class sequence): the rows move, the flips stay.
    std::vector<float> seq(data_->train.count() * 4, 0.0f);
    for (std::size_t i = 0; i < data_->train.count(); ++i) seq[i * 4 + data_->train.labels[i]] = 1;
    const std::string trueFile = dir("true.npy");
    writeLabelTable(trueFile, *data_, LabelOrder{}, seq, 4);
    LabelOrder byClass;
    byClass.file = trueFile;
    writeLabelTable(dir("10-seq.npy"), *data_, byClass, sel[0].labels, 4);
    const ImportedLabels back = importLabels(*data_, dir("10-seq.npy"), byClass);
    QCOMPARE(back.labels, imported.labels);
  }

  void badSettingsNameTheirField() {
    FlipConfig c = tinyFlip();
    c.budgets = {100000};
    try {
      c.validate(*data_);
      QFAIL("accepted a budget above the rows");
    } catch (const Error& e) {
      QCOMPARE(QString::fromStdString(e.field()), QString("flip.budgets"));
    }
    c = tinyFlip();
    c.target = c.source;
    QVERIFY_THROWS_EXCEPTION(Error, c.validate(*data_));
    c = tinyFlip();
    c.checkpointEvery = 1000;  // more than an epoch's iterations
    QVERIFY_THROWS_EXCEPTION(Error, computeFlipLabels(*data_, c));
  }
};

QTEST_GUILESS_MAIN(TestFlip)
#include "tst_flip.moc"
