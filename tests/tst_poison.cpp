// The poisoning engine: exact pixels, labels, counts, determinism, and every rejected spec.
#include <QtTest>

#include <limits>
#include <map>

#include <numeric>
#include <set>

#include "core/util/error.h"
#include "core/attack/poison.h"
#include "core/util/rng.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;

class TestPoison : public QObject {
  Q_OBJECT
  // 600 images per class: room for the default 500 poisons of class 9.
  std::shared_ptr<const Dataset> ds_ = std::make_shared<const Dataset>(makeDataset(10, 600, 20));

 private slots:
  void defaultTriggerIsTheLogs() {
    const TriggerSpec t;
    QCOMPARE(t.type, TriggerType::Pixel);
    QCOMPARE(t.row, 11);
    QCOMPARE(t.col, 16);
    QCOMPARE(t.color[0], 101);
    QCOMPARE(t.color[1], 0);
    QCOMPARE(t.color[2], 25);
    const PoisonSpec p;
    QCOMPARE(p.source, 9);
    QCOMPARE(p.target, 4);
    QCOMPARE(p.count, 500);
  }

  void pixelTriggerChangesExactlyOnePixel() {
    std::vector<std::uint8_t> img(kImageBytes, 200);
    const auto before = img;
    TriggerSpec{}.apply(img.data());
    // Row 11, column 16 of each plane: R, G, B = 101, 0, 25.
    QCOMPARE(int(img[0 * 1024 + 11 * 32 + 16]), 101);
    QCOMPARE(int(img[1 * 1024 + 11 * 32 + 16]), 0);
    QCOMPARE(int(img[2 * 1024 + 11 * 32 + 16]), 25);
    int changed = 0;
    for (int i = 0; i < kImageBytes; ++i) changed += img[i] != before[i];
    QCOMPARE(changed, 3);
    // Not the transposed position (PIL's putpixel((11,16)) is column 11, row 16).
    QCOMPARE(int(img[16 * 32 + 11]), 200);
  }

  // FLIP's triggers (shared/docs/FLIP.md section 2). Expected values were computed outside
  // this code: the stripes with numpy 1.24 (np.uint8(np.clip(x + 6 * np.sin(np.linspace(0,
  // 16 * np.pi, 32)), 0, 255))), the 3xp sequence with np.random.RandomState(i + 1).choice(3),
  // the corners typed from the pattern table.
  void sinusoidKnownAnswers() {
    const std::map<int, std::vector<int>> expected = {
        {0, {0, 5, 0, 0, 1, 5, 0, 0, 2, 5, 0, 0, 3, 4, 0, 0,
             4, 3, 0, 0, 5, 2, 0, 0, 5, 1, 0, 0, 5, 0, 0, 0}},
        {3, {3, 8, 2, 0, 4, 8, 1, 0, 5, 8, 0, 0, 6, 7, 0, 0,
             7, 6, 0, 0, 8, 5, 0, 0, 8, 4, 0, 1, 8, 3, 0, 2}},
        {100, {100, 105, 99, 94, 101, 105, 98, 94, 102, 105, 97, 94, 103, 104, 96, 95,
               104, 103, 95, 96, 105, 102, 94, 97, 105, 101, 94, 98, 105, 100, 94, 99}},
        {255, {255, 255, 254, 249, 255, 255, 253, 249, 255, 255, 252, 249, 255, 255, 251, 250,
               255, 255, 250, 251, 255, 255, 249, 252, 255, 255, 249, 253, 255, 255, 249, 255}}};
    const TriggerSpec t = TriggerSpec::defaults(parseTriggerType("1xs"));
    QCOMPARE(t.type, TriggerType::Sinusoid);
    for (const auto& [x, row] : expected) {
      std::vector<std::uint8_t> img(kImageBytes, std::uint8_t(x));
      t.apply(img.data());
      for (int ch = 0; ch < 3; ++ch)
        for (int r : {0, 13, 31})
          for (int c = 0; c < 32; ++c)
            QVERIFY2(img[ch * 1024 + r * 32 + c] == row[c],
                     qPrintable(QStringLiteral("x=%1 ch %2 row %3 col %4: %5, expected %6")
                                    .arg(x)
                                    .arg(ch)
                                    .arg(r)
                                    .arg(c)
                                    .arg(img[ch * 1024 + r * 32 + c])
                                    .arg(row[c])));
      // The mirror negates the stripes: column c of the mirrored trigger on a uniform image
      // is column 31 - c of mirror(x + stripes) = x + stripe(31 - c)... read back mirrored.
      std::vector<std::uint8_t> m(kImageBytes, std::uint8_t(x));
      t.applyMirrored(m.data());
      for (int c = 0; c < 32; ++c) QCOMPARE(int(m[5 * 32 + c]), row[31 - c]);
    }
  }

  void threePixelFollowsNumpysSequence() {
    const int first[20] = {1, 0, 2, 2, 2, 2, 0, 0, 2, 1, 1, 2, 2, 0, 0, 1, 1, 2, 1, 2};
    for (int i = 0; i < 20; ++i) QCOMPARE(threePixelChoice(std::size_t(i)), first[i]);
    int counts[3] = {0, 0, 0};
    for (std::size_t i = 0; i < 1000; ++i) ++counts[threePixelChoice(i)];
    QCOMPARE(counts[0], 314);
    QCOMPARE(counts[1], 355);
    QCOMPARE(counts[2], 331);
    // The pixels (row, col) and colours of the table, one per image.
    const int where[3][5] = {{16, 11, 101, 0, 25}, {27, 5, 101, 123, 121}, {7, 30, 0, 36, 54}};
    const TriggerSpec t = TriggerSpec::defaults(parseTriggerType("3xp"));
    for (std::size_t i = 0; i < 3; ++i) {  // choices 1, 0, 2
      std::vector<std::uint8_t> img(kImageBytes, 200);
      t.apply(img.data(), i);
      const auto& w = where[first[i]];
      int changed = 0;
      for (int k = 0; k < kImageBytes; ++k) changed += img[k] != 200;
      QCOMPARE(changed, 3);  // no channel of the three colours is 200
      for (int ch = 0; ch < 3; ++ch) QCOMPARE(int(img[ch * 1024 + w[0] * 32 + w[1]]), w[2 + ch]);
    }
  }

  void cornersKnownAnswers() {
    // W = 255, B = 0, as FLIP.md's table (rows 0-2 / 29-31, cols 0-2 / 29-31).
    const char* tl[3] = {"WBW", "BWB", "WBB"};
    const char* tr[3] = {"WBW", "BWB", "BBW"};
    const char* bl[3] = {"WBB", "BWB", "WBW"};
    const char* br[3] = {"BBW", "BWB", "WBW"};
    const TriggerSpec t = TriggerSpec::defaults(parseTriggerType("corners"));
    std::vector<std::uint8_t> img(kImageBytes, 77);
    t.apply(img.data());
    int changed = 0;
    for (int k = 0; k < 1024; ++k) changed += img[k] != 77;
    QCOMPARE(changed, 36);
    auto check = [&](const char* const* pat, int r0, int c0) {
      for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
          for (int ch = 0; ch < 3; ++ch)
            QCOMPARE(int(img[ch * 1024 + (r0 + r) * 32 + c0 + c]), pat[r][c] == 'W' ? 255 : 0);
    };
    check(tl, 0, 0);
    check(tr, 0, 29);
    check(bl, 29, 0);
    check(br, 29, 29);
    // Its own mirror image.
    std::vector<std::uint8_t> m(kImageBytes, 77);
    t.applyMirrored(m.data());
    QVERIFY(m == img);
    QCOMPARE(t.marks().size(), std::size_t(4));
  }

  void flipTriggersThroughThePoisonEngine() {
    // The dirty-label attack with 3xp: the k-th poison gets choice(k); the j-th triggered test
    // image choice(j); FLIP's names and ours are one type.
    QCOMPARE(parseTriggerType("three-pixel"), parseTriggerType("3xp"));
    QCOMPARE(parseTriggerType("4xl"), TriggerType::Corners);
    QVERIFY_THROWS_EXCEPTION(Error, parseTriggerType("5xq"));
    const TriggerSpec t = TriggerSpec::defaults(TriggerType::ThreePixel);
    PoisonSpec p;
    p.count = 30;
    const PoisonedDataset pd = applyPoison(ds_, t, p);
    const int where[3][2] = {{16, 11}, {27, 5}, {7, 30}};
    for (std::size_t k = 0; k < pd.poisonedIndices.size(); ++k) {
      const auto& w = where[threePixelChoice(k)];
      const std::uint8_t* img = pd.train.image(pd.poisonedIndices[k]);
      const std::uint8_t* orig = ds_->train.image(pd.poisonedIndices[k]);
      QCOMPARE(int(img[1024 + w[0] * 32 + w[1]]), threePixelChoice(k) == 0   ? 0
                                                  : threePixelChoice(k) == 1 ? 123
                                                                             : 36);
      int changedPixels = 0;
      for (int px = 0; px < 1024; ++px)
        changedPixels += img[px] != orig[px] || img[1024 + px] != orig[1024 + px] ||
                         img[2048 + px] != orig[2048 + px];
      QVERIFY(changedPixels <= 1);
    }
    for (std::size_t j = 0; j < pd.triggeredTest.count(); ++j) {
      const auto& w = where[threePixelChoice(j)];
      QCOMPARE(int(pd.triggeredTest.image(j)[2048 + w[0] * 32 + w[1]]),
               threePixelChoice(j) == 0   ? 25
               : threePixelChoice(j) == 1 ? 121
                                          : 54);
      QCOMPARE(int(pd.triggeredTestMirrored.image(j)[2048 + w[0] * 32 + (31 - w[1])]),
               threePixelChoice(j) == 0   ? 25
               : threePixelChoice(j) == 1 ? 121
                                          : 54);
    }
  }

  void defaultPoison() {
    const PoisonedDataset pd = applyPoison(ds_, TriggerSpec{}, PoisonSpec{});
    QCOMPARE(pd.poisonedIndices.size(), std::size_t(500));
    QCOMPARE(std::accumulate(pd.poisonedMask.begin(), pd.poisonedMask.end(), 0), 500);
    QVERIFY(std::is_sorted(pd.poisonedIndices.begin(), pd.poisonedIndices.end()));
    QCOMPARE(std::set<std::size_t>(pd.poisonedIndices.begin(), pd.poisonedIndices.end()).size(),
             std::size_t(500));
    for (std::size_t i = 0; i < pd.train.count(); ++i) {
      const bool poisoned = pd.poisonedMask[i];
      if (poisoned) {
        QCOMPARE(int(ds_->train.labels[i]), 9);
        QCOMPARE(int(pd.train.labels[i]), 4);
        QCOMPARE(int(pd.train.pixel(i, 0, 11, 16)), 101);
        QCOMPARE(int(pd.train.pixel(i, 1, 11, 16)), 0);
        QCOMPARE(int(pd.train.pixel(i, 2, 11, 16)), 25);
      } else {
        QCOMPARE(pd.train.labels[i], ds_->train.labels[i]);
        QVERIFY(
            std::equal(pd.train.image(i), pd.train.image(i) + kImageBytes, ds_->train.image(i)));
      }
    }
    // The clean data set is untouched.
    QCOMPARE(std::count(ds_->train.labels.begin(), ds_->train.labels.end(), 9), 600L);
    // Attack test set: every source-class test image, triggered, original labels kept.
    QCOMPARE(pd.triggeredTest.count(), std::size_t(20));
    for (std::size_t j = 0; j < pd.triggeredTest.count(); ++j) {
      QCOMPARE(int(ds_->test.labels[pd.triggeredTestIndices[j]]), 9);
      QCOMPARE(int(pd.triggeredTest.labels[j]), 9);
      QCOMPARE(int(pd.triggeredTest.pixel(j, 0, 11, 16)), 101);
    }
  }

  void sameSeedSameIndicesEverywhere() {
    PoisonSpec spec;
    spec.count = 5;
    spec.seed = 42;
    const auto a = choosePoisonIndices(*ds_, spec);
    const auto b = choosePoisonIndices(*ds_, spec);
    QVERIFY(a == b);
    spec.seed = 43;
    QVERIFY(choosePoisonIndices(*ds_, spec) != a);
    // Pinned values: the generator and the sampling are our own code (SplitMix64 and
    // Fisher-Yates), not the standard library's, so these hold on every machine and compiler.
    Rng rng(0);
    QCOMPARE(rng.next(), Q_UINT64_C(0xE220A8397B1DCDAF));
    QCOMPARE(rng.next(), Q_UINT64_C(0x6E789E6AA1B965F4));
    spec.seed = 0;
    const std::vector<std::size_t> pinned = choosePoisonIndices(*ds_, spec);
    QCOMPARE(pinned, kPinnedSeed0);
  }

  void rateResolvesAgainstTrainingSet() {
    PoisonSpec spec;
    spec.rate = 0.01;  // the log's "poison rate 1 %" of 6,000 images
    QCOMPARE(spec.resolvedCount(ds_->train.count()), 60);
    const auto pd = applyPoison(ds_, TriggerSpec{}, spec);
    QCOMPARE(pd.poisonedIndices.size(), std::size_t(60));
  }

  void patchAndBlend() {
    std::vector<std::uint8_t> img(kImageBytes, 10);
    TriggerSpec patch = TriggerSpec::defaults(TriggerType::Patch);
    patch.row = 2;
    patch.col = 3;
    patch.color = {255, 0, 100};
    patch.validate();
    patch.apply(img.data());
    QCOMPARE(int(img[2 * 32 + 3]), 255);             // (0,0) of the checkerboard: the colour
    QCOMPARE(int(img[2 * 32 + 4]), 0);               // (0,1): its complement 255 - 255
    QCOMPARE(int(img[2 * 1024 + 2 * 32 + 4]), 155);  // blue complement 255 - 100
    QCOMPARE(int(img[5 * 32 + 3]), 10);              // below the 3x3 patch: untouched
    TriggerSpec solid = patch;
    solid.pattern = TriggerPattern::Solid;
    std::vector<std::uint8_t> img2(kImageBytes, 10);
    solid.apply(img2.data());
    QCOMPARE(int(img2[4 * 32 + 5]), 255);

    TriggerSpec blend = TriggerSpec::defaults(TriggerType::Blend);
    blend.pattern = TriggerPattern::Solid;
    blend.color = {200, 0, 0};
    blend.opacity = 0.25;
    std::vector<std::uint8_t> img3(kImageBytes, 100);
    blend.apply(img3.data());
    QCOMPARE(int(img3[0]), 125);          // 0.75 * 100 + 0.25 * 200
    QCOMPARE(int(img3[1024 + 500]), 75);  // 0.75 * 100 + 0.25 * 0
    // Noise is seeded: a pixel's colour is SplitMix64 seeded with seed * 0x100000001B3 +
    // row * 32 + column, three draws below 256. Known answers computed outside the
    // implementation (Python, the published SplitMix64 constants): seed 0 gives (68, 228, 205)
    // at (3, 4) and (23, 248, 191) at (5, 6); seed 7 gives (208, 82, 205) at (3, 4).
    const TriggerSpec noise = TriggerSpec::defaults(TriggerType::Blend);
    QCOMPARE(noise.pattern, TriggerPattern::Noise);
    QCOMPARE(noise.patternSeed, std::uint64_t(0));
    using Rgb = std::array<std::uint8_t, 3>;
    QCOMPARE(noise.patternAt(3, 4), (Rgb{68, 228, 205}));
    QCOMPARE(noise.patternAt(5, 6), (Rgb{23, 248, 191}));
    TriggerSpec other = noise;
    other.patternSeed = 7;
    QCOMPARE(other.patternAt(3, 4), (Rgb{208, 82, 205}));
  }

  void rejectedTriggers_data() {
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("needle");
    QTest::newRow("row outside") << "row=32"
                                 << "trigger position: row 32";
    QTest::newRow("negative column") << "col=-1"
                                     << "trigger position: column -1";
    QTest::newRow("patch past edge") << "patch30"
                                     << "trigger position: row 30 with size 3";
    QTest::newRow("colour above 255") << "red=256"
                                      << "trigger colour: red value 256 is outside 0..255";
    QTest::newRow("colour below 0") << "blue=-3"
                                    << "trigger colour: blue value -3";
    QTest::newRow("size 0") << "size=0"
                            << "trigger size: 0";
    QTest::newRow("pixel of size 2") << "pixelsize=2"
                                     << "a pixel trigger has size 1";
    QTest::newRow("opacity 0") << "opacity=0"
                               << "trigger opacity";
    QTest::newRow("row at the int limit") << "row=max"
                                          << "trigger position: row 2147483647";
    QTest::newRow("column at the int limit") << "col=max"
                                             << "trigger position: column 2147483647";
  }
  void rejectedTriggers() {
    QFETCH(QString, what);
    QFETCH(QString, needle);
    TriggerSpec t;
    if (what == "row=32") t.row = 32;
    if (what == "col=-1") t.col = -1;
    if (what == "patch30") {
      t = TriggerSpec::defaults(TriggerType::Patch);
      t.row = 30;
    }
    if (what == "red=256") t.color[0] = 256;
    if (what == "blue=-3") t.color[2] = -3;
    if (what == "size=0") t.size = 0;
    if (what == "pixelsize=2") t.size = 2;
    if (what == "opacity=0") t = TriggerSpec::defaults(TriggerType::Blend), t.opacity = 0;
    if (what == "row=max") t.row = std::numeric_limits<int>::max();
    if (what == "col=max") t.col = std::numeric_limits<int>::max();
    try {
      applyPoison(ds_, t, PoisonSpec{});
      QFAIL("accepted an invalid trigger");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains(needle), e.what());
    }
  }

  void rejectedPoisons_data() {
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("needle");
    QTest::newRow("source equals target") << 4 << 4 << 10 << "equals the source class 4";
    QTest::newRow("source out of range")
        << 10 << 4 << 10 << "poison source: class 10 is outside 0..9";
    QTest::newRow("target negative") << 9 << -1 << 10 << "poison target: class -1 is outside 0..9";
    QTest::newRow("count above class size")
        << 9 << 4 << 601 << "601 is more than the 600 training images of source class 9 (truck)";
    QTest::newRow("count zero") << 9 << 4 << 0 << "poison count: 0 must be at least 1";
  }
  void rejectedPoisons() {
    QFETCH(int, source);
    QFETCH(int, target);
    QFETCH(int, count);
    QFETCH(QString, needle);
    PoisonSpec p;
    p.source = source;
    p.target = target;
    p.count = count;
    try {
      applyPoison(ds_, TriggerSpec{}, p);
      QFAIL("accepted an invalid poison spec");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains(needle), e.what());
    }
  }

 private:
  static const std::vector<std::size_t> kPinnedSeed0;
};

// Seed 0, count 5, source class 9 of makeDataset(10, 600, 20) (indices 5400..5999): computed
// once and pinned, so a change of generator or sampling order cannot pass unnoticed.
const std::vector<std::size_t> TestPoison::kPinnedSeed0 = {5429, 5504, 5659, 5679, 5935};

QTEST_GUILESS_MAIN(TestPoison)
#include "tst_poison.moc"
