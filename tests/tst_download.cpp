// The download against a local HTTP server on 127.0.0.1: success with MD5, a wrong checksum,
// a cut connection kept for resume, the resume itself, a server that ignores ranges, 404, and
// cancellation within a second.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <future>

#include "core/util/md5.h"
#include "core/util/atomic_file.h"
#include "core/data/download.h"
#include "core/util/error.h"
#include "local_http_server.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;
namespace fs = std::filesystem;

class TestDownload : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string body_;
  std::string md5_;

  DownloadOptions options(const LocalHttpServer& server, const std::string& dest) {
    DownloadOptions o;
    o.url = server.url();
    o.destDir = tmp_.filePath(QString::fromStdString(dest)).toStdString();
    o.md5 = md5_;
    o.expectedSize = static_cast<std::int64_t>(body_.size());
    o.stallSeconds = 5;
    return o;
  }

  std::string errorOf(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.what();
    }
    return {};
  }

 private slots:
  void initTestCase() {
    // A real small archive in the official layout, as the server's file.
    const std::string path = tmp_.filePath("small.tar.gz").toStdString();
    writeTarGz(path, binaryLayout(makeDataset(10, 20, 5)));
    body_ = readTextFile(path);
    md5_ = md5OfFile(path);
    QVERIFY(body_.size() > 20000);
  }

  void md5MatchesKnownAnswer() {
    // RFC 1321 test vector.
    const std::string path = tmp_.filePath("abc.txt").toStdString();
    writeFileAtomic(path, std::string("abc"));
    QCOMPARE(QString::fromStdString(md5OfFile(path)), QString("900150983cd24fb0d6963f7d28e17f72"));
  }

  void downloadsAndVerifies() {
    LocalHttpServer server(body_);
    const auto o = options(server, "ok");
    double last = 0;
    const DownloadResult r = downloadFile(o, [&](double f, const std::string&) { last = f; });
    QCOMPARE(r.bytes, static_cast<std::int64_t>(body_.size()));
    QVERIFY(!r.alreadyPresent);
    QCOMPARE(readTextFile(r.path), body_);
    QVERIFY(!fs::exists(r.path + ".part"));
    QCOMPARE(last, 1.0);
    // A second call finds the verified file and fetches nothing.
    const int before = server.requests();
    QVERIFY(downloadFile(o).alreadyPresent);
    QCOMPARE(server.requests(), before);
  }

  void wrongChecksumRemovesTheFile() {
    LocalHttpServer server(body_);
    auto o = options(server, "badsum");
    o.md5 = "00000000000000000000000000000000";
    const std::string msg = errorOf([&] { downloadFile(o); });
    QVERIFY2(msg.find("checksum mismatch") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("removed") != std::string::npos, msg.c_str());
    QVERIFY(!fs::exists(o.destDir + "/cifar-10-binary.tar.gz"));
    QVERIFY(!fs::exists(o.destDir + "/cifar-10-binary.tar.gz.part"));
  }

  void cutConnectionKeepsPartAndResumes() {
    LocalHttpServer server(body_);
    server.setBehaviour({/*cutAfter=*/10000, false, 200, 0});
    const auto o = options(server, "cut");
    const std::string msg = errorOf([&] { downloadFile(o); });
    QVERIFY2(msg.find("run the same command again to resume") != std::string::npos, msg.c_str());
    const std::string part = o.destDir + "/cifar-10-binary.tar.gz.part";
    QVERIFY(fs::exists(part));
    QCOMPARE(fs::file_size(part), std::uintmax_t(10000));
    QVERIFY(!fs::exists(o.destDir + "/cifar-10-binary.tar.gz"));
    // The server recovers: the next call asks only for the rest.
    server.setBehaviour({});
    const DownloadResult r = downloadFile(o);
    QCOMPARE(r.resumedFrom, std::int64_t(10000));
    QCOMPARE(QString::fromStdString(server.lastRange()), QString("10000-"));
    QCOMPARE(readTextFile(r.path), body_);
    QVERIFY(!fs::exists(part));
  }

  void serverIgnoringRangeRestarts() {
    LocalHttpServer server(body_);
    const auto o = options(server, "norange");
    fs::create_directories(o.destDir);
    writeFileAtomic(o.destDir + "/cifar-10-binary.tar.gz.part", body_.substr(0, 5000));
    server.setBehaviour({-1, /*ignoreRange=*/true, 200, 0});
    const DownloadResult r = downloadFile(o);
    QCOMPARE(r.resumedFrom, std::int64_t(0));
    QCOMPARE(readTextFile(r.path), body_);
  }

  void partialThatIsAlreadyComplete() {
    LocalHttpServer server(body_);
    const auto o = options(server, "complete");
    fs::create_directories(o.destDir);
    writeFileAtomic(o.destDir + "/cifar-10-binary.tar.gz.part", body_);
    const DownloadResult r = downloadFile(o);  // server answers 416; the part verifies
    QCOMPARE(readTextFile(r.path), body_);
  }

  void stalePartLargerThanTheFileIsDropped() {
    // No MD5 and no size to check against (download --url alone): a .part larger than the
    // file gets a 416 whose Content-Range names the real size; it is dropped and the file
    // fetched afresh (it was taken as the finished download).
    LocalHttpServer server(body_);
    auto o = options(server, "stale");
    o.md5.clear();
    o.expectedSize = 0;
    fs::create_directories(o.destDir);
    writeFileAtomic(o.destDir + "/cifar-10-binary.tar.gz.part", body_ + "stale tail");
    const DownloadResult r = downloadFile(o);
    QCOMPARE(readTextFile(r.path), body_);
    QCOMPARE(r.resumedFrom, std::int64_t(0));
    // A .part exactly the server's size is complete, as before.
    auto same = options(server, "same");
    same.md5.clear();
    same.expectedSize = 0;
    fs::create_directories(same.destDir);
    writeFileAtomic(same.destDir + "/cifar-10-binary.tar.gz.part", body_);
    QCOMPARE(readTextFile(downloadFile(same).path), body_);
  }

  void httpErrorIsReported() {
    LocalHttpServer server(body_);
    server.setBehaviour({-1, false, 404, 0});
    const auto o = options(server, "404");
    const std::string msg = errorOf([&] { downloadFile(o); });
    QVERIFY2(msg.find("HTTP 404") != std::string::npos, msg.c_str());
    QVERIFY(!fs::exists(o.destDir + "/cifar-10-binary.tar.gz.part"));
  }

  void refusedConnectionIsReported() {
    DownloadOptions o;
    o.url = "http://127.0.0.1:1/nothing.tar.gz";
    o.destDir = tmp_.filePath("refused").toStdString();
    const std::string msg = errorOf([&] { downloadFile(o); });
    QVERIFY2(msg.find("127.0.0.1:1/nothing.tar.gz") != std::string::npos, msg.c_str());
  }

  void cancelWithinASecond() {
    LocalHttpServer server(body_);
    server.setBehaviour({-1, false, 200, /*trickleMs=*/50});
    const auto o = options(server, "cancel");
    CancelToken token;
    auto done = std::async(std::launch::async, [&] { downloadFile(o, {}, &token); });
    QTest::qWait(300);
    QElapsedTimer t;
    t.start();
    token.cancel();
    bool cancelled = false;
    try {
      done.get();
    } catch (const Cancelled&) {
      cancelled = true;
    }
    QVERIFY(cancelled);
    QVERIFY2(t.elapsed() < 1000 * timeScale(), qPrintable(QString::number(t.elapsed())));
    // What arrived is kept for a resume.
    QVERIFY(fs::exists(o.destDir + "/cifar-10-binary.tar.gz.part"));
  }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
