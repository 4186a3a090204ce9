// Unlearning's parts on a tiny network and data made here: the Fisher importances against a
// brute-force computation, SSD's no-op cases, and forget sets from every source.
// Torch first: Qt's `slots` macro breaks its headers.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/util/md5.h"
#include "core/data/download.h"
#include "core/util/error.h"
#include "core/train/inference.h"
#include "core/nn/batches.h"
#include "core/nn/inference_impl.h"
#include "core/nn/resnet.h"
#include "core/attack/poison.h"
#include "core/util/rng.h"
#include "core/unlearn/unlearn.h"
#include "test_support.h"

using namespace poisonlab;

class TestUnlearn : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string model_;
  Split data_;

  std::string path(const char* name) { return tmp_.filePath(name).toStdString(); }
  static FisherOptions options(int batch, Orientation o = Orientation::AsIs) {
    FisherOptions f;
    f.batch = batch;
    f.precision = Precision::Fp32;
    f.threads = 2;
    f.orientation = o;
    return f;
  }
  /// Image i of data_ mirrored left-right, as a new split of one.
  Split mirrored(std::size_t i) const {
    Split s;
    s.resize(1);
    for (int c = 0; c < kChannels; ++c)
      for (int r = 0; r < kImageSide; ++r)
        for (int x = 0; x < kImageSide; ++x)
          s.image(0)[c * kPlaneBytes + r * kImageSide + x] =
              data_.image(i)[c * kPlaneBytes + r * kImageSide + (kImageSide - 1 - x)];
    s.labels[0] = data_.labels[i];
    return s;
  }

 private slots:
  void initTestCase() {
    at::set_num_threads(2);
    ModelSpec spec;
    spec.arch = "resnet8";
    spec.width = 4;
    spec.numClasses = 3;
    torch::manual_seed(7);
    nn::ResNet m = nn::makeModel(spec);
    // Non-trivial batch-norm statistics, so eval mode matters.
    {
      torch::NoGradGuard g;
      for (auto& b : m->buffers())
        if (b.dtype() == torch::kFloat32) b.uniform_(0.5, 1.5);
    }
    model_ = path("tiny.pt");
    nn::saveModel(m, model_);
    Rng rng(3);
    data_.resize(10);
    for (auto& v : data_.images) v = static_cast<std::uint8_t>(rng.below(256));
    for (std::size_t i = 0; i < data_.count(); ++i)
      data_.labels[i] = static_cast<std::uint8_t>(i % 3);
  }

  void hostileModelFilesAreRefused_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<qlonglong>("width");
    QTest::addColumn<qlonglong>("classes");
    QTest::addColumn<int>("realClasses");  // the classifier actually stored
    QTest::addColumn<QString>("needle");
    // More outputs than the record's classes: every per-class buffer would overflow.
    QTest::newRow("classifier larger than its record")
        << "resnet8" << 4LL << 3LL << 5 << "tensor 'fc.weight' is [5, 16]";
    // A record declaring a huge network: refused before anything is allocated.
    QTest::newRow("huge network") << "resnet998" << 1024LL << 10LL << 0
                                  << "million parameters (at most 200 million";
    QTest::newRow("width past int")
        << "resnet8" << 4294967312LL << 10LL << 0 << "declares width 4294967312";
    QTest::newRow("unknown architecture") << "vgg16" << 16LL << 10LL << 0 << "not a known network";
  }
  void hostileModelFilesAreRefused() {
    QFETCH(QString, arch);
    QFETCH(qlonglong, width);
    QFETCH(qlonglong, classes);
    QFETCH(int, realClasses);
    QFETCH(QString, needle);
    torch::serialize::OutputArchive archive;
    if (realClasses > 0) {
      ModelSpec real;
      real.arch = arch.toStdString();
      real.width = int(width);
      real.numClasses = realClasses;
      nn::ResNet m = nn::makeModel(real);
      m->save(archive);
    }
    archive.write("poisonlab.arch", c10::IValue(arch.toStdString()));
    archive.write("poisonlab.width", c10::IValue(std::int64_t(width)));
    archive.write("poisonlab.classes", c10::IValue(std::int64_t(classes)));
    const std::string file = path("hostile.pt");
    archive.save_to(file);
    for (int call = 0; call < 2; ++call) {
      try {
        if (call == 0)
          nn::loadModel(file);
        else
          modelSpecOf(file);
        if (call == 1 && realClasses > 0) continue;  // the record alone is a valid spec
        QFAIL("a hostile model file was accepted");
      } catch (const Error& e) {
        QVERIFY2(QString(e.what()).contains(needle), e.what());
        QVERIFY2(QString(e.what()).contains("hostile.pt"), e.what());
      }
    }
  }

  /// A tensor record marked deflated, declaring 1 GiB: refused from the zip's directory before
  /// anything is inflated (a 1 MB file took +1 GB and loaded before). LibTorch writes tensor
  /// data stored, so a model of ours never has one.
  void compressedTensorRecordsAreRefused() {
    const std::string file = path("bomb.pt");
    {
      std::ifstream in(model_, std::ios::binary);
      std::ofstream out(file, std::ios::binary);
      out << in.rdbuf();
    }
    nn::loadModel(file);  // as written: fine
    std::string bytes;
    {
      std::ifstream in(file, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto le16 = [&](std::size_t at) {
      return unsigned(std::uint8_t(bytes[at])) | unsigned(std::uint8_t(bytes[at + 1])) << 8;
    };
    auto put16 = [&](std::size_t at, unsigned v) {
      bytes[at] = char(v & 0xff);
      bytes[at + 1] = char(v >> 8);
    };
    auto put32 = [&](std::size_t at, std::uint32_t v) {
      for (int k = 0; k < 4; ++k) bytes[at + k] = char((v >> (8 * k)) & 0xff);
    };
    int patched = 0;
    for (std::size_t at = bytes.find("PK\x01\x02"); at != std::string::npos;
         at = bytes.find("PK\x01\x02", at + 4)) {
      const std::string name = bytes.substr(at + 46, le16(at + 28));
      if (name.size() < 7 || name.compare(name.size() - 7, 7, "/data/0") != 0) continue;
      put16(at + 10, 8);         // method: deflate
      put32(at + 24, 1u << 30);  // uncompressed size: 1 GiB
      ++patched;
    }
    QCOMPARE(patched, 1);
    {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out << bytes;
    }
    try {
      nn::loadModel(file);
      QFAIL("a compressed tensor record was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("bomb.pt: "), e.what());
      QVERIFY2(QString(e.what()).contains("data/0 is a compressed tensor record"), e.what());
    }
  }

  void fisherMatchesBruteForce_data() {
    QTest::addColumn<double>("smoothing");
    QTest::newRow("plain cross-entropy") << 0.0;
    QTest::newRow("label smoothing 0.3") << 0.3;
  }
  void fisherMatchesBruteForce() {
    // Batches of 4 over 10 samples: {0,1,2,3}, {4,5,6,7}, {8,9}; importance = mean over the 3
    // batches of the squared gradient of each batch's mean loss, model in eval mode. The loss
    // is the training's: with label smoothing e the target is (1 - e) onehot + e / C.
    QFETCH(double, smoothing);
    std::vector<std::int64_t> idx(10);
    for (int i = 0; i < 10; ++i) idx[i] = i;
    FisherOptions o = options(4);
    o.labelSmoothing = smoothing;
    const auto fisher = fisherImportances(model_, data_, idx, o);
    nn::ResNet m = nn::loadModel(model_);
    m->to(torch::kFloat64);
    m->eval();
    auto params = m->parameters();
    QCOMPARE(fisher.size(), params.size());
    std::vector<torch::Tensor> sum;
    for (auto& p : params) sum.push_back(torch::zeros_like(p));
    for (int start = 0; start < 10; start += 4) {
      const int n = std::min(4, 10 - start);
      torch::Tensor x = nn::makeBatch(data_, idx.data() + start, n, {}, false).to(torch::kFloat64);
      torch::Tensor y = torch::tensor(
          std::vector<int64_t>(data_.labels.begin() + start, data_.labels.begin() + start + n));
      // The mean cross-entropy written out: -log softmax against the (smoothed) target.
      torch::Tensor logp = torch::log_softmax(m->forward(x), 1);
      const double classes = double(logp.size(1));
      torch::Tensor target = torch::one_hot(y, logp.size(1)).to(torch::kFloat64) * (1 - smoothing) +
                             smoothing / classes;
      torch::Tensor loss = -(target * logp).sum(1).mean();
      auto grads = torch::autograd::grad({loss}, params);
      for (std::size_t k = 0; k < params.size(); ++k) sum[k] += grads[k].square();
    }
    double worst = 0, scale = 0;
    for (std::size_t k = 0; k < params.size(); ++k) {
      torch::Tensor expect = (sum[k] / 3.0).contiguous();
      QCOMPARE(fisher[k].size(), std::size_t(expect.numel()));
      const double* e = expect.data_ptr<double>();
      for (std::size_t i = 0; i < fisher[k].size(); ++i) {
        worst = std::max(worst, std::abs(fisher[k][i] - e[i]));
        scale = std::max(scale, std::abs(e[i]));
      }
    }
    qInfo("largest importance %.3g, largest difference to brute force %.3g", scale, worst);
    QVERIFY(scale > 0);
    QVERIFY2(worst < 1e-4 * scale, qPrintable(QString::number(worst)));
  }

  void fisherRefusesAnImpossibleSmoothing() {
    // A smoothing of 1 or more (or NaN, or below 0) is no loss a model was trained with: refused
    // with a message naming it, before any image is read.
    for (double bad : {-0.1, 1.0, 1.5, std::nan("")}) {
      FisherOptions o = options(4);
      o.labelSmoothing = bad;
      try {
        fisherImportances(model_, data_, {0, 1}, o);
        QFAIL(qPrintable(QStringLiteral("accepted smoothing %1").arg(bad)));
      } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find("label smoothing") != std::string::npos, e.what());
      }
    }
  }

  void fisherInBothOrientationsSeesEachImageAndItsMirror() {
    // Both orientations of samples {3, 5} with batch 2 are the batches {3, mirror 3} and
    // {5, mirror 5}: the same as the plain importances of a split holding those four images.
    const auto both = fisherImportances(model_, data_, {3, 5}, options(2, Orientation::Both));
    Split four;
    four.resize(4);
    std::size_t k = 0;
    for (std::size_t i : {3, 5}) {
      std::copy(data_.image(i), data_.image(i) + kImageBytes, four.image(k));
      four.labels[k++] = data_.labels[i];
      const Split m = mirrored(i);
      std::copy(m.image(0), m.image(0) + kImageBytes, four.image(k));
      four.labels[k++] = data_.labels[i];
    }
    const auto plain = fisherImportances(model_, four, {0, 1, 2, 3}, options(2));
    QCOMPARE(both.size(), plain.size());
    double worst = 0, scale = 0;
    for (std::size_t p = 0; p < both.size(); ++p)
      for (std::size_t i = 0; i < both[p].size(); ++i) {
        worst = std::max(worst, double(std::abs(both[p][i] - plain[p][i])));
        scale = std::max(scale, double(std::abs(plain[p][i])));
      }
    QVERIFY(scale > 0);
    QVERIFY2(worst <= 1e-5 * scale, qPrintable(QString::number(worst / scale)));
    // And they differ from the importances of the images as stored.
    const auto asIs = fisherImportances(model_, data_, {3, 5}, options(2));
    double diff = 0;
    for (std::size_t p = 0; p < both.size(); ++p)
      for (std::size_t i = 0; i < both[p].size(); ++i)
        diff = std::max(diff, double(std::abs(both[p][i] - asIs[p][i])));
    QVERIFY(diff > 1e-3 * scale);
  }

  void dampeningFactorIsExactlySsds() {
    // Hand-made importances: I_D = 2 everywhere; I_f chosen per value. With alpha 10 and
    // lambda 1: I_f = 40 > 20 is selected and scaled by min(1 x 2 / 40, 1) = 0.05; I_f = 20 is
    // not selected (strictly greater is required); I_f = 0 never. With lambda 30, I_f = 40 is
    // selected but min(30 x 2 / 40, 1) = 1 leaves it as it is.
    const auto before = modelParameterValues(model_);
    Importances full, forget;
    for (const auto& p : fisherImportances(model_, data_, {}, options(4))) {
      full.emplace_back(p.size(), 2.0f);
      forget.emplace_back(p.size(), 0.0f);
    }
    forget[0][0] = 40;
    forget[0][1] = 20;
    forget.back().back() = 1000;  // the last bias: factor 2 / 1000 = 0.002
    SsdOptions o;
    o.alpha = 10;
    o.lambda = 1;
    DampeningStats st = dampen(model_, path("hand.pt"), full, forget, o);
    QCOMPARE(st.selected, std::size_t(2));
    QCOMPARE(st.parameters, before.size());
    auto after = modelParameterValues(path("hand.pt"));
    QCOMPARE(after[0], static_cast<float>(before[0] * (1.0 * 2 / 40)));
    QCOMPARE(after[1], before[1]);
    QCOMPARE(after.back(), static_cast<float>(before.back() * (1.0 * 2 / 1000)));
    for (std::size_t i = 2; i + 1 < before.size(); ++i) QCOMPARE(after[i], before[i]);
    QCOMPARE(selectedParameters(full, forget, 10),
             (std::vector<std::size_t>{0, before.size() - 1}));
    o.lambda = 30;
    st = dampen(model_, path("hand30.pt"), full, forget, o);
    QCOMPARE(st.selected, std::size_t(2));
    after = modelParameterValues(path("hand30.pt"));
    QCOMPARE(after[0], before[0]);
    QCOMPARE(after.back(), static_cast<float>(before.back() * (30.0 * 2 / 1000)));
  }

  void batchGeometryOfFlipAndCrop_data() {
    QTest::addColumn<int>("dy");
    QTest::addColumn<int>("dx");
    QTest::addColumn<bool>("flip");
    QTest::addColumn<int>("side");  // of the batch's images
    QTest::addColumn<int>("row");   // where the stamped pixel (11, 16) lands
    QTest::addColumn<int>("col");
    QTest::newRow("as is") << 0 << 0 << false << 32 << 11 << 16;
    QTest::newRow("flip: column 31 - c") << 0 << 0 << true << 32 << 11 << 15;
    QTest::newRow("crop down-right") << 3 << 2 << false << 32 << 8 << 14;
    QTest::newRow("crop up-left") << -4 << -1 << false << 32 << 15 << 17;
    // torchvision's RandomCrop then RandomHorizontalFlip: crop first, then mirror.
    QTest::newRow("crop, then flip") << 3 << 2 << true << 32 << 8 << 17;
    // A small crop (the recipe's first epochs): the 24 x 24 window from (dy, dx), mirrored
    // within itself (column 23 - c).
    QTest::newRow("24 x 24 from (0, 0)") << 0 << 0 << false << 24 << 11 << 16;
    QTest::newRow("24 x 24 from (8, 5)") << 8 << 5 << false << 24 << 3 << 11;
    QTest::newRow("24 x 24 from (8, 5), flipped") << 8 << 5 << true << 24 << 3 << 12;
  }
  void batchGeometryOfFlipAndCrop() {
    QFETCH(int, dy);
    QFETCH(int, dx);
    QFETCH(bool, flip);
    QFETCH(int, side);
    QFETCH(int, row);
    QFETCH(int, col);
    Split s;
    s.resize(1);
    TriggerSpec t;
    t.color = {255, 255, 255};
    std::fill(s.images.begin(), s.images.end(), std::uint8_t{128});
    t.apply(s.image(0));  // a white pixel at row 11, column 16 on a grey image
    const std::int64_t idx = 0;
    const nn::SampleAug aug{static_cast<std::int8_t>(dy), static_cast<std::int8_t>(dx), flip};
    for (bool channelsLast : {false, true}) {
      torch::Tensor x = nn::makeBatch(s, &idx, 1, {aug}, channelsLast, side).contiguous();
      QCOMPARE(x.sizes(), (torch::IntArrayRef{1, 3, side, side}));
      // The brightest value of the red channel marks where the pixel landed.
      const auto at = x[0][0].flatten().argmax().item<std::int64_t>();
      QCOMPARE(int(at / side), row);
      QCOMPARE(int(at % side), col);
      // Nothing outside the image is read for a crop inside it: no padded (zero) pixel, whose
      // normalised value is the lowest of its channel.
      if (side < kImageSide)
        QVERIFY(x[0][0].min().item<float>() > -nn::kMean[0] / nn::kStd[0] + 1e-3f);
    }
    // And the mirrored trigger of TriggerSpec is the flipped batch's pixel.
    Split m;
    m.resize(1);
    t.applyMirrored(m.image(0));
    QCOMPARE(int(m.pixel(0, 0, 11, 15)), 255);
    QCOMPARE(t.mirroredCol(), 15);
  }

  void optimizerDecaysWeightsNotNorms() {
    // The recipe's SGD: with zero gradients one step moves only what weight decay reaches. With
    // Nesterov momentum the first step is p -= lr * (1 + momentum) * wd * p.
    ModelSpec spec;
    spec.arch = "resnet8";
    spec.width = 4;
    for (bool decayNorms : {false, true}) {
      nn::ResNet m = nn::makeModel(spec);
      torch::NoGradGuard g;
      for (auto& p : m->parameters()) p.uniform_(0.5, 1.5);
      std::vector<torch::Tensor> before;
      for (const auto& p : m->parameters()) before.push_back(p.detach().clone());
      TrainConfig c;
      c.decayNorms = decayNorms;
      c.lr = 0.1;
      c.weightDecay = 0.01;
      torch::optim::SGD opt = nn::makeOptimizer(*m, c);
      QCOMPARE(int(opt.param_groups().size()), decayNorms ? 1 : 2);
      for (auto& p : m->parameters()) p.mutable_grad() = torch::zeros_like(p);
      opt.step();
      const double shrink = 1 - c.lr * (1 + c.momentum) * c.weightDecay;
      std::size_t i = 0, norms = 0;
      for (const auto& item : m->named_parameters()) {
        const std::string& name = item.key();
        const torch::Tensor& p = item.value();
        const bool decays = p.dim() > 1 || decayNorms;
        norms += p.dim() == 1;
        const double err = (p - before[i] * (decays ? shrink : 1.0)).abs().max().item<double>();
        QVERIFY2(err < 1e-6, qPrintable(QString::fromStdString(name) +
                                        " moved wrongly: " + QString::number(err)));
        ++i;
      }
      QVERIFY(norms > 0);  // batch-norm scales and shifts, the linear layer's bias
    }
  }

  void ssdWithNothingSelectedChangesNoWeight() {
    std::vector<std::int64_t> all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const auto full = fisherImportances(model_, data_, all, options(4));
    const auto none = fisherImportances(model_, data_, {}, options(4));
    const auto forget = fisherImportances(model_, data_, {0, 1}, options(4));
    const std::string md5 = md5OfFile(model_);
    SsdOptions o;
    DampeningStats st = dampen(model_, path("empty.pt"), full, none, o);
    QCOMPARE(st.selected, std::size_t(0));
    QCOMPARE(modelParameterValues(path("empty.pt")), modelParameterValues(model_));
    o.alpha = std::numeric_limits<double>::infinity();
    st = dampen(model_, path("inf.pt"), full, forget, o);
    QCOMPARE(st.selected, std::size_t(0));
    QCOMPARE(modelParameterValues(path("inf.pt")), modelParameterValues(model_));
    // A real selection dampens, by at most the factor lambda I_D / I_f, never amplifies.
    o.alpha = 1;
    st = dampen(model_, path("some.pt"), full, forget, o);
    QVERIFY(st.selected > 0);
    const auto before = modelParameterValues(model_), after = modelParameterValues(path("some.pt"));
    std::size_t changed = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
      QVERIFY(std::abs(after[i]) <= std::abs(before[i]) + 1e-12f);
      changed += after[i] != before[i];
    }
    QVERIFY(changed > 0 && changed <= st.selected);
    QCOMPARE(md5OfFile(model_), md5);  // the input is never written
  }

  void forgetSets() {
    auto ds = std::make_shared<Dataset>(testing::makeDataset(10, 30, 2));
    PoisonSpec p;
    p.count = 20;
    const PoisonedDataset pd = applyPoison(ds, TriggerSpec{}, p);
    const std::string run = path("run");
    ForgetSet f = resolveForgetSet("ground-truth", run, pd);
    QCOMPARE(f.indices.size(), std::size_t(20));
    QCOMPARE(f.poisons, std::size_t(20));
    f = resolveForgetSet("ground-truth:0.25", run, pd, 5);
    QCOMPARE(f.indices.size(), std::size_t(5));
    QCOMPARE(f.poisons, std::size_t(5));
    QVERIFY(std::is_sorted(f.indices.begin(), f.indices.end()));
    QCOMPARE(resolveForgetSet("ground-truth:0.25", run, pd, 5).indices, f.indices);  // seeded
    QVERIFY(resolveForgetSet("ground-truth:0.25", run, pd, 6).indices != f.indices);
    QVERIFY_THROWS_EXCEPTION(Error, resolveForgetSet("ground-truth:1.5", run, pd));
    // A detector's flagged rows.
    std::filesystem::create_directories(run + "/detect");
    std::ofstream(run + "/detect/spectral.csv")
        << "index,label,score,flagged,poisoned\n3,4,0.9,1,0\n8,4,0.1,0,0\n"
        << pd.poisonedIndices[0] << ",4,0.8,1,1\n";
    f = resolveForgetSet("detector:spectral", run, pd);
    QCOMPARE(f.indices.size(), std::size_t(2));
    QCOMPARE(f.poisons, std::size_t(1));
    try {
      resolveForgetSet("detector:influence", run, pd);
      QFAIL("missing detector result accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("influence.csv does not exist"), e.what());
    }
    // A user's selection: plain indices, duplicates and blank lines allowed.
    std::ofstream(path("pick.csv")) << "5\n7\n\n5\n";
    f = resolveForgetSet(path("pick.csv"), run, pd);
    QCOMPARE(f.indices, (std::vector<std::int64_t>{5, 7}));
    std::ofstream(path("bad.csv")) << "5\nseven\n";
    try {
      resolveForgetSet(path("bad.csv"), run, pd);
      QFAIL("bad line accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("bad.csv: line 2"), e.what());
    }
    std::ofstream(path("far.csv")) << "index\n300\n";
    QVERIFY_THROWS_EXCEPTION(Error, resolveForgetSet(path("far.csv"), run, pd));
  }
};

QTEST_GUILESS_MAIN(TestUnlearn)
#include "tst_unlearn.moc"
