// Label-only runs (FLIP): reading label files (and refusing bad ones, naming the file and row),
// mapping the official row order onto a per-class image folder, the run folder round trip.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>

#include "core/attack/label_file.h"
#include "core/attack/poison.h"
#include "core/run/run_folder.h"
#include "core/util/error.h"
#include "core/util/npy.h"
#include "core/util/rng.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;
namespace fs = std::filesystem;

namespace {

/// A .npy written byte by byte, so that a test can make any header (dtype, order, shape) and
/// any payload length.
void writeRawNpy(const std::string& path, const std::string& descr, bool fortran,
                 const std::string& shape, const std::vector<char>& payload) {
  std::string dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") +
                     ", 'shape': " + shape + ", }";
  while ((10 + dict.size() + 1) % 64) dict += ' ';
  dict += '\n';
  std::ofstream out(path, std::ios::binary);
  out.write("\x93NUMPY\x01\x00", 8);
  const std::uint16_t len = static_cast<std::uint16_t>(dict.size());
  out.put(char(len & 0xff));
  out.put(char(len >> 8));
  out << dict;
  out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
}

void writeLogits(const std::string& path, const std::vector<float>& v, std::size_t cols) {
  NpyWriter w(path, v.size() / cols, cols);
  w.writeRows(0, v.data(), v.size() / cols);
  w.commit();
}

/// 5 * one-hot rows of `labels`, FLIP's initial logits.
std::vector<float> oneHot(const std::vector<int>& labels, int classes) {
  std::vector<float> v(labels.size() * std::size_t(classes), 0.f);
  for (std::size_t r = 0; r < labels.size(); ++r) v[r * classes + labels[r]] = 5.f;
  return v;
}

}  // namespace

class TestLabelOnly : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  // Class-major like an image folder: 4 classes x 6 training images.
  std::shared_ptr<const Dataset> ds_ = std::make_shared<const Dataset>(makeDataset(4, 6, 3));

  std::string path(const std::string& name) const {
    return tmp_.filePath(QString::fromStdString(name)).toStdString();
  }
  /// An "official" class sequence: the data set's labels in a fixed interleaved order.
  std::vector<int> officialSequence() const {
    std::vector<int> seq;
    for (int k = 0; k < 6; ++k)
      for (int c = 3; c >= 0; --c) seq.push_back(c);  // 3 2 1 0 3 2 1 0 ...
    return seq;
  }

 private slots:
  void readsLogitsAndCsv() {
    std::vector<int> labels(24);
    for (int i = 0; i < 24; ++i) labels[i] = ds_->train.labels[i];
    labels[3] = 2;  // row 3 flipped 0 -> 2
    auto v = oneHot(labels, 4);
    v[9 * 4 + 3] = 5.5f;  // row 9 (class 1 at 5): the argmax is class 3
    writeLogits(path("a.npy"), v, 4);
    const LabelRows rows = readLabelFile(path("a.npy"), 24, 4);
    QCOMPARE(rows.format, std::string("npy"));
    QCOMPARE(rows.labels[3], 2);
    QCOMPARE(rows.labels[7], 1);
    QCOMPARE(rows.labels[9], 3);
    QCOMPARE(rows.labels[0], 0);
    {
      std::ofstream csv(path("a.csv"));
      csv << "index,label\n3,2\n10,0\n";
    }
    const LabelRows c = readLabelFile(path("a.csv"), 24, 4);
    QCOMPARE(c.labels[3], 2);
    QCOMPARE(c.labels[10], 0);
    QCOMPARE(c.labels[0], -1);  // not listed: unchanged
  }

  void badLabelFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    const std::vector<float> good = oneHot(std::vector<int>(24, 1), 4);
    auto bytes = [](const std::vector<float>& v, std::size_t keep) {
      std::vector<char> b(reinterpret_cast<const char*>(v.data()),
                          reinterpret_cast<const char*>(v.data()) + v.size() * sizeof(float));
      b.resize(std::min(keep, b.size()));
      return b;
    };
    writeLogits(path("shape.npy"), oneHot(std::vector<int>(24, 1), 3), 3);
    QTest::newRow("wrong shape") << "shape.npy"
                                 << "shape (24, 3), expected (24, 4)";
    writeLogits(path("size.npy"), oneHot(std::vector<int>(30, 1), 4), 4);
    QTest::newRow("another data set") << "size.npy"
                                      << "a data set of 30 training images";
    writeRawNpy(path("f8.npy"), "<f8", false, "(24, 4)", std::vector<char>(24 * 4 * 8, 0));
    QTest::newRow("dtype") << "f8.npy"
                           << "descr is not '<f4'";
    writeRawNpy(path("fortran.npy"), "<f4", true, "(24, 4)", bytes(good, 1 << 20));
    QTest::newRow("fortran order") << "fortran.npy"
                                   << "fortran_order is not False";
    writeRawNpy(path("short.npy"), "<f4", false, "(24, 4)", bytes(good, 100));
    QTest::newRow("truncated") << "short.npy"
                               << "holds 100 bytes";
    auto nan = good;
    nan[5 * 4 + 2] = std::numeric_limits<float>::quiet_NaN();
    writeLogits(path("nan.npy"), nan, 4);
    QTest::newRow("NaN") << "nan.npy"
                         << "row 5, column 2: NaN";
    auto inf = good;
    inf[9 * 4 + 0] = std::numeric_limits<float>::infinity();
    writeLogits(path("inf.npy"), inf, 4);
    QTest::newRow("infinity") << "inf.npy"
                              << "row 9, column 0: infinity";
    auto flat = good;
    for (int c = 0; c < 4; ++c) flat[11 * 4 + c] = 0.25f;
    writeLogits(path("flat.npy"), flat, 4);
    QTest::newRow("all equal") << "flat.npy"
                               << "row 11: all values are equal";
    auto write = [&](const char* name, const char* text) { std::ofstream(path(name)) << text; };
    write("range.csv", "index,label\n24,1\n");
    QTest::newRow("csv index") << "range.csv"
                               << "line 2: index 24 is outside 0..23";
    write("label.csv", "3,4\n");
    QTest::newRow("csv label") << "label.csv"
                               << "line 1: label 4 is outside 0..3";
    write("twice.csv", "3,1\n3,2\n");
    QTest::newRow("csv twice") << "twice.csv"
                               << "line 2: index 3 is listed twice";
    write("junk.csv", "index,label\n3;1\n");
    QTest::newRow("csv junk") << "junk.csv"
                              << "line 2: expected index,label";
    write("labels.txt", "3,1\n");
    QTest::newRow("extension") << "labels.txt"
                               << "a label file is a .npy";
  }

  void badLabelFiles() {
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const std::string p = path(file.toStdString());
    try {
      readLabelFile(p, 24, 4);
      QFAIL("accepted");
    } catch (const Error& e) {
      const QString what = QString::fromUtf8(e.what());
      QVERIFY2(what.contains(expected), qPrintable(what));
      QVERIFY2(what.contains(QString::fromStdString(p)), qPrintable(what));
    }
  }

  void mapsOfficialRowsOntoPerClassFolders() {
    // The official order interleaves classes; the data set is class-major. Official row o of
    // class c, the k-th of its class, is the data set's k-th image of class c.
    const auto seq = officialSequence();
    writeLogits(path("true.npy"), oneHot(seq, 4), 4);
    LabelOrder order;
    order.file = path("true.npy");
    const auto map = officialToLoadOrder(*ds_, order);
    std::vector<int> seen(4, 0);
    for (std::size_t o = 0; o < seq.size(); ++o) {
      const int c = seq[o];
      QCOMPARE(int(ds_->train.labels[map[o]]), c);
      QCOMPARE(map[o], std::size_t(c * 6 + seen[c]++));
    }
    // A label file flipping official row 4 (class 3, its second) to class 0 flips image 19.
    std::vector<int> flipped = seq;
    flipped[4] = 0;
    writeLogits(path("flip.npy"), oneHot(flipped, 4), 4);
    const ImportedLabels in = importLabels(*ds_, path("flip.npy"), order);
    QCOMPARE(in.flipped, std::size_t(1));
    QCOMPARE(int(in.labels[19]), 0);
    for (std::size_t i = 0; i < in.labels.size(); ++i)
      if (i != 19) QCOMPARE(in.labels[i], ds_->train.labels[i]);
    // The within-class shuffle (the misaligned control) keeps classes, moves the flip.
    LabelOrder shuffled = order;
    shuffled.shuffleWithinClass = 7;
    const auto smap = officialToLoadOrder(*ds_, shuffled);
    QVERIFY(smap != map);
    for (std::size_t o = 0; o < seq.size(); ++o) QCOMPARE(int(ds_->train.labels[smap[o]]), seq[o]);
    // The load order (the official binary) is the identity.
    const auto id = officialToLoadOrder(*ds_, LabelOrder{});
    for (std::size_t i = 0; i < id.size(); ++i) QCOMPARE(id[i], i);
  }

  void mappingThatCannotBeMadeIsAnError() {
    auto seq = officialSequence();
    seq[0] = 0;  // class 3 has 5 rows now, class 0 has 7
    writeLogits(path("bad-true.npy"), oneHot(seq, 4), 4);
    LabelOrder order;
    order.file = path("bad-true.npy");
    try {
      officialToLoadOrder(*ds_, order);
      QFAIL("accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("class 0 (class0) has 7 rows, the data set 6"), e.what());
    }
    // A file flipping nothing is not a poison.
    writeLogits(path("none.npy"), oneHot(officialSequence(), 4), 4);
    order.file = path("true.npy");
    writeLogits(path("true.npy"), oneHot(officialSequence(), 4), 4);
    QVERIFY_THROWS_EXCEPTION(Error, importLabels(*ds_, path("none.npy"), order));
  }

  void findsTrueNpyOfThePublishedLayout() {
    const fs::path root = path("flip-labels");
    fs::create_directories(root / "r32p" / "3xp");
    std::ofstream(root / "true.npy") << "x";
    std::ofstream(root / "r32p" / "3xp" / "1500.npy") << "x";
    QCOMPARE(findFlipTrueLabels((root / "r32p" / "3xp" / "1500.npy").string()),
             (root / "true.npy").string());
    QCOMPARE(findFlipTrueLabels(path("flip.npy")), path("true.npy"));
  }

  void labelOnlyRunRoundTrips() {
    // Rows flipped to several classes, not only the target: the poisoned set is every row
    // whose label differs, the images stay clean.
    PoisonSpec spec;
    spec.source = 3;
    spec.target = 1;
    spec.labels = ds_->train.labels;
    spec.labels[2] = 1;   // 0 -> 1
    spec.labels[8] = 1;   // 1 ... is 1 already: no flip
    spec.labels[20] = 1;  // 3 -> 1
    spec.labels[21] = 2;  // 3 -> 2
    spec.count = 3;
    const TriggerSpec t = TriggerSpec::defaults(TriggerType::ThreePixel);
    const PoisonedDataset pd = applyPoison(ds_, t, spec);
    QCOMPARE(pd.poisonedIndices, (std::vector<std::size_t>{2, 20, 21}));
    for (std::size_t i = 0; i < pd.train.count(); ++i)
      QVERIFY(std::equal(pd.train.image(i), pd.train.image(i) + kImageBytes, ds_->train.image(i)));
    QCOMPARE(pd.triggeredTest.count(), std::size_t(3));  // the source class's test images
    const auto pairs = flipCounts(pd);
    QCOMPARE(pairs.size(), std::size_t(3));
    QCOMPARE(pairs[0].count, std::size_t(1));

    const std::string run = path("run");
    Experiment e = describeExperiment(pd);
    QVERIFY_THROWS_EXCEPTION(Error, writeRun(run, e, pd));  // no provenance
    LabelProvenance lp;
    lp.file = "/data/flip.npy";
    lp.md5 = "abc";
    lp.format = "npy";
    lp.orderHow = "load order";
    e.poison.labelsFrom = lp;
    writeRun(run, e, pd);
    const Experiment back = readExperiment(run);
    QVERIFY(back.poison.labelsFrom.has_value());
    QCOMPARE(back.poison.labelsFrom->file, lp.file);
    QVERIFY(back.poison.labels.empty());  // the labels live in poison.csv
    const PoisonedDataset again = openRun(run, ds_);
    QCOMPARE(again.poisonedIndices, pd.poisonedIndices);
    QVERIFY(again.train.labels == pd.train.labels);
    QCOMPARE(experimentDigest(again), experimentDigest(pd));
    // Another label on a flipped row is another experiment.
    PoisonSpec other = spec;
    other.labels[21] = 0;
    QVERIFY(experimentDigest(applyPoison(ds_, t, other)) != experimentDigest(pd));

    // A data set whose labels differ at a recorded row is refused, naming the line.
    auto changed = std::make_shared<Dataset>(*ds_);
    changed->train.labels[20] = 2;
    try {
      openRun(run, std::shared_ptr<const Dataset>(changed));
      QFAIL("accepted");
    } catch (const Error& ex) {
      QVERIFY2(QString(ex.what()).contains("line 3: image 20 has label 2"), ex.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestLabelOnly)
#include "tst_label_only.moc"
