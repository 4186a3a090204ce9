// The CIFAR-10 loaders on small files written by the test: both layouts, both containers,
// and every kind of bad input, each with an error that names the file and the problem.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "core/data/cifar_loader.h"
#include "core/util/error.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;
using Files = std::map<std::string, std::vector<std::uint8_t>>;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(Files)

class TestDataLoaders : public QObject {
  Q_OBJECT

  QTemporaryDir tmp_;
  Dataset ref_ = makeDataset(10, 6, 3);

  /// Writes `files` as a folder or a .tar.gz under the temp dir and returns the path to load.
  std::string place(const Files& files, bool archive, const std::string& name,
                    const std::vector<std::string>& dirs = {}) {
    const std::string base = tmp_.filePath(QString::fromStdString(name)).toStdString();
    if (archive) {
      writeTarGz(base + ".tar.gz", files, dirs);
      return base + ".tar.gz";
    }
    fs::remove_all(base);
    writeTree(base, files, dirs);
    return base;
  }

  void expectSame(const Dataset& got, const Dataset& want) {
    QCOMPARE(got.train.count(), want.train.count());
    QCOMPARE(got.test.count(), want.test.count());
    QVERIFY(got.train.labels == want.train.labels);
    QVERIFY(got.test.labels == want.test.labels);
    QVERIFY(got.train.images == want.train.images);
    QVERIFY(got.test.images == want.test.images);
    QCOMPARE(got.classNames, want.classNames);
  }

  void expectError(const std::string& path, const QString& needle) {
    try {
      loadDataset(path);
      QFAIL(qPrintable("no error for " + QString::fromStdString(path)));
    } catch (const Error& e) {
      const QString msg = QString::fromUtf8(e.what());
      QVERIFY2(msg.contains(needle), qPrintable("message '" + msg + "' lacks '" + needle + "'"));
    }
  }

 private slots:
  void initTestCase() { QVERIFY(tmp_.isValid()); }

  void loadsBothLayoutsFromBothContainers_data() {
    QTest::addColumn<bool>("binary");
    QTest::addColumn<bool>("archive");
    QTest::newRow("binary folder") << true << false;
    QTest::newRow("binary tar.gz") << true << true;
    QTest::newRow("image folder") << false << false;
    QTest::newRow("image tar.gz") << false << true;
  }
  void loadsBothLayoutsFromBothContainers() {
    QFETCH(bool, binary);
    QFETCH(bool, archive);
    const Files files = binary ? binaryLayout(ref_) : folderLayout(ref_);
    const std::string path =
        place(files, archive, std::string(QTest::currentDataTag()).replace(3, 1, "_"));
    const Dataset got = loadDataset(path);
    expectSame(got, ref_);
    QCOMPARE(got.format, binary ? DataFormat::CifarBinary : DataFormat::ImageFolder);
    // The exact planar layout: R plane first, row-major.
    QCOMPARE(int(got.train.pixel(7, 0, 11, 16)), int(ref_.train.image(7)[11 * 32 + 16]));
    QCOMPARE(int(got.train.pixel(7, 2, 31, 0)), int(ref_.train.image(7)[2 * 1024 + 31 * 32]));
  }

  void binaryFolderCanBeGivenDirectly() {
    const std::string root = place(binaryLayout(ref_), false, "direct");
    expectSame(loadDataset(root + "/cifar-10-batches-bin"), ref_);
  }

  void imageFolderClassOrder() {
    // CIFAR-10 names: CIFAR-10's label order, not alphabetical ("truck" stays 9).
    const Dataset got = loadDataset(place(folderLayout(ref_), false, "order"));
    QCOMPARE(got.classNames[9], std::string("truck"));
    QCOMPARE(got.classNames[0], std::string("airplane"));
    // Other names: sorted.
    Files other;
    const Dataset small = makeDataset(3, 2, 1);
    for (auto& [name, bytes] : folderLayout(small)) {
      std::string n = name;
      for (auto [from, to] : {std::pair<std::string, std::string>{"class0", "zebra"},
                              {"class1", "apple"},
                              {"class2", "mango"}})
        if (auto p = n.find(from); p != std::string::npos) n.replace(p, from.size(), to);
      other[n] = bytes;
    }
    const Dataset sorted = loadDataset(place(other, true, "sorted"));
    QCOMPARE(sorted.classNames, (std::vector<std::string>{"apple", "mango", "zebra"}));
    // apple was class1: its images come first now.
    QVERIFY(std::equal(sorted.train.image(0), sorted.train.image(0) + kImageBytes,
                       small.train.image(2)));
  }

  void naturalFileOrder() {
    Dataset two = makeDataset(2, 12, 1);
    Files files;
    for (std::size_t i = 0; i < two.train.count(); ++i)
      files["t/train/" + two.classNames[two.train.labels[i]] + "/" + std::to_string(i % 12) +
            ".png"] = encodePng(two.train.image(i));
    for (std::size_t i = 0; i < two.test.count(); ++i)
      files["t/test/" + two.classNames[two.test.labels[i]] + "/" + std::to_string(i) + ".png"] =
          encodePng(two.test.image(i));
    const Dataset got = loadDataset(place(files, false, "natural"));
    // 2.png before 10.png: the image order is the numeric order of the names.
    QVERIFY(got.train.images == two.train.images);
  }

  void badBinaryInput_data() {
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("needle");
    Files truncated = binaryLayout(ref_);
    truncated["cifar-10-batches-bin/data_batch_2.bin"].resize(3073 * 2 + 100);
    QTest::newRow("truncated record file")
        << truncated << "data_batch_2.bin: size 6246 bytes is not a whole number";
    Files badLabel = binaryLayout(ref_);
    badLabel["cifar-10-batches-bin/data_batch_4.bin"][3073 * 3] = 10;
    QTest::newRow("label byte 10")
        << badLabel << "data_batch_4.bin: record 3 has label byte 10, outside 0..9";
    Files noTest = binaryLayout(ref_);
    noTest.erase("cifar-10-batches-bin/test_batch.bin");
    QTest::newRow("missing test split") << noTest << "missing split 'test'";
    Files noBatch3 = binaryLayout(ref_);
    noBatch3.erase("cifar-10-batches-bin/data_batch_3.bin");
    QTest::newRow("missing training batch")
        << noBatch3 << "missing training batch cifar-10-batches-bin/data_batch_3.bin";
    Files empty = binaryLayout(ref_);
    empty["cifar-10-batches-bin/data_batch_5.bin"].clear();
    QTest::newRow("empty batch") << empty << "data_batch_5.bin: empty record file";
  }
  void badBinaryInput() {
    QFETCH(Files, files);
    QFETCH(QString, needle);
    for (bool archive : {false, true}) {
      const std::string path =
          place(files, archive, std::string("bad_bin_") + (archive ? "a" : "f"));
      expectError(path, needle);
    }
  }

  void badImageFolder_data() {
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("needle");
    const Dataset small = makeDataset(10, 2, 1);
    Files undecodable = folderLayout(small);
    undecodable["data/train/cat/0001.png"] = {'n', 'o', 't', ' ', 'a', 'n',
                                              ' ', 'i', 'm', 'a', 'g', 'e'};
    QTest::newRow("undecodable image")
        << undecodable << "data/train/cat/0001.png: not a decodable image";
    Files wrongSize = folderLayout(small);
    wrongSize["data/test/ship/0000.png"] = encodePng(small.test.image(0), 40, 32);
    QTest::newRow("not 32x32") << wrongSize
                               << "data/test/ship/0000.png: image is 40x32, expected 32x32";
    Files noTest;
    for (auto& [k, v] : folderLayout(small))
      if (k.find("/test/") == std::string::npos) noTest[k] = v;
    QTest::newRow("missing split") << noTest << "missing split 'test'";
    Files mismatch = folderLayout(small);
    for (auto it = mismatch.begin(); it != mismatch.end();)
      it = it->first.find("test/frog/") != std::string::npos ? mismatch.erase(it) : std::next(it);
    QTest::newRow("class missing in test")
        << mismatch << "class folder 'frog' is in data/train/ but missing from data/test/";
    QTest::newRow("nothing recognisable")
        << Files{{"readme.txt", {'h', 'i'}}} << "no CIFAR-10 data found";
    // A decompression bomb: a PNG header declaring 100,000 x 100,000 pixels (a few bytes; 30 GB
    // decoded) is refused by its header, before decoding.
    Files bomb = folderLayout(small);
    std::vector<std::uint8_t> png = {0x89, 'P',  'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0, 0,
                                     13,   'I',  'H', 'D', 'R',  0,    1,    0x86, 0xa0, 0, 1,
                                     0x86, 0xa0, 8,   2,   0,    0,    0,    0,    0,    0, 0};
    bomb["data/train/cat/0001.png"] = png;
    QTest::newRow("PNG bomb") << bomb
                              << "data/train/cat/0001.png: image is 100000x100000, expected 32x32";
    // Formats docs/inputs.md does not promise are not decoded at all, whatever their size: a
    // well-formed 32x32 PPM (which OpenCV decodes, as it does TIFF, WebP, JPEG 2000 and EXR,
    // without any size check of ours) is refused by its name's promise, not loaded.
    Files ppm = folderLayout(small);
    std::vector<std::uint8_t> pnm = {'P', '6',  '\n', '3', '2', ' ', '3',
                                     '2', '\n', '2',  '5', '5', '\n'};
    pnm.resize(pnm.size() + 32 * 32 * 3, 128);
    ppm["data/train/cat/0001.png"] = pnm;
    QTest::newRow("PPM, not one of ours")
        << ppm << "data/train/cat/0001.png: not a decodable image (JPEG, PNG or BMP expected)";
    // A JPEG whose marker chain the header walk cannot follow exactly as the decoder does
    // (stray bytes after its start, which libjpeg skips while looking for a frame) is refused,
    // not decoded to find out its size.
    Files stray = folderLayout(small);
    std::vector<std::uint8_t> jpeg = encodeJpeg(small.train.image(0));
    QVERIFY(jpeg.size() > 4 && jpeg[0] == 0xff && jpeg[1] == 0xd8);
    jpeg.insert(jpeg.begin() + 2, {0x00, 0x00});
    stray["data/train/cat/0001.jpg"] = jpeg;
    stray.erase("data/train/cat/0001.png");
    QTest::newRow("JPEG with stray bytes")
        << stray << "data/train/cat/0001.jpg: a JPEG whose markers before its frame header";
    Files noIhdr = folderLayout(small);
    std::vector<std::uint8_t> pngFirst = encodePng(small.train.image(0));
    pngFirst[12] = 'i';  // the first chunk's type: no longer IHDR
    noIhdr["data/train/cat/0001.png"] = pngFirst;
    QTest::newRow("PNG without IHDR first")
        << noIhdr << "data/train/cat/0001.png: a PNG whose first chunk is not IHDR";
  }

  void archiveNamesAreCapped() {
    // A folder entry's name past PATH_MAX is refused (folders counted too: names of folders
    // were kept without a cap, 2.3 MB of archive took +470 MB).
    const std::string path = tmp_.filePath("long-names.tar.gz").toStdString();
    writeTarGz(path, binaryLayout(ref_), {std::string(5000, 'd')});
    expectError(path, "has a name of 5001 bytes (at most 4096)");
  }

  void archiveEntriesAreCapped() {
    // An entry larger than any CIFAR-10 file (70 MB of zeros: 70 KB gzipped) is refused by its
    // declared size, before it is allocated.
    Files files = binaryLayout(ref_);
    files["cifar-10-batches-bin/data_batch_1.bin"] = std::vector<std::uint8_t>(70u << 20, 0);
    expectError(place(files, true, "big_entry"), "declares 73400320 bytes (at most 67108864");
  }

  void filesBehindSymlinksAreRead() {
    // An image folder whose files are links (a shared copy elsewhere) loads like the files.
    const std::string root = place(folderLayout(ref_), false, "linked");
    const std::string elsewhere = tmp_.filePath("elsewhere").toStdString();
    fs::create_directories(elsewhere);
    std::vector<fs::path> images;
    for (const auto& e : fs::directory_iterator(root + "/data/train/cat"))
      images.push_back(e.path());
    QVERIFY(!images.empty());
    for (const fs::path& image : images) {
      const fs::path target = fs::path(elsewhere) / image.filename();
      fs::rename(image, target);
      fs::create_symlink(target, image);
    }
    expectSame(loadDataset(root), ref_);
  }

  void folderLinkLoopsAreNotFollowed() {
    // Found by fuzz_source_tree: a link back up the tree (train/loop -> ..) was followed until
    // the path grew past the system's limit and a std::filesystem error escaped. A link to a
    // folder on the way down is not followed; other links are (data/elsewhere: a folder the
    // layout ignores); a dangling link is not data. The data set loads as it is.
    const std::string root = place(folderLayout(ref_), false, "looped");
    fs::create_directory_symlink("..", root + "/data/train/loop");
    fs::create_directory_symlink("train", root + "/data/elsewhere");
    fs::create_symlink("nowhere.png", root + "/data/train/cat/dangling.png");
    expectSame(loadDataset(root), ref_);
  }

  void badImageFolder() {
    QFETCH(Files, files);
    QFETCH(QString, needle);
    for (bool archive : {false, true}) {
      const std::string path =
          place(files, archive, std::string("bad_img_") + (archive ? "a" : "f"));
      expectError(path, needle);
    }
  }

  void emptyClassFolder() {
    const Dataset small = makeDataset(10, 2, 1);
    Files files = folderLayout(small);
    for (auto it = files.begin(); it != files.end();)
      it = it->first.find("train/dog/") != std::string::npos ? files.erase(it) : std::next(it);
    expectError(place(files, false, "emptydir_f", {"data/train/dog"}),
                "empty class folder data/train/dog");
    expectError(place(files, true, "emptydir_a", {"data/train/dog"}),
                "empty class folder data/train/dog");
  }

  void missingPath() {
    expectError(tmp_.filePath("does-not-exist").toStdString(),
                "does-not-exist: no such file or folder");
  }

  void truncatedArchive() {
    const std::string path = place(binaryLayout(ref_), true, "cut");
    const auto size = fs::file_size(path);
    fs::resize_file(path, size / 2);
    expectError(path, "cut.tar.gz: ");
    try {
      loadDataset(path);
    } catch (const Error& e) {
      const QString msg = QString::fromUtf8(e.what());
      QVERIFY2(msg.contains("truncated") || msg.contains("corrupt"), qPrintable(msg));
    }
  }

  void notAnArchive() {
    const std::string path = tmp_.filePath("junk.tar.gz").toStdString();
    std::ofstream(path) << "this is not gzip";
    expectError(path, "junk.tar.gz");
  }

  void cancellation() {
    const std::string path = place(folderLayout(ref_), true, "cancel");
    CancelToken token;
    token.cancel();
    QVERIFY_THROWS_EXCEPTION(Cancelled, loadDataset(path, {}, &token));
  }

  void progressReachesOne() {
    const std::string path = place(folderLayout(ref_), true, "progress");
    double last = -1;
    bool monotone = true;
    loadDataset(path, [&](double f, const std::string&) {
      monotone = monotone && f >= last - 1e-9;
      last = f;
    });
    QVERIFY(monotone);
    QCOMPARE(last, 1.0);
  }
};

QTEST_GUILESS_MAIN(TestDataLoaders)
#include "tst_data_loaders.moc"
