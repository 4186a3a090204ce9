#include "test_support.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>

#include <archive.h>
#include <archive_entry.h>

#include <QBuffer>
#include <QImage>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace fs = std::filesystem;

namespace poisonlab::testing {

Dataset makeDataset(int classes, int perClassTrain, int perClassTest, std::uint32_t salt) {
  Dataset ds;
  ds.classNames.clear();
  if (classes == 10) {
    ds.classNames = cifar10ClassNames();
  } else {
    for (int c = 0; c < classes; ++c) ds.classNames.push_back("class" + std::to_string(c));
  }
  auto fill = [&](Split& s, int perClass, std::uint32_t splitSalt) {
    s.resize(static_cast<std::size_t>(classes * perClass));
    std::size_t i = 0;
    for (int c = 0; c < classes; ++c) {
      for (int k = 0; k < perClass; ++k, ++i) {
        s.labels[i] = static_cast<std::uint8_t>(c);
        std::uint8_t* img = s.image(i);
        std::uint32_t x = static_cast<std::uint32_t>(i) * 2654435761u + salt * 97u + splitSalt;
        for (int p = 0; p < kImageBytes; ++p) {
          x ^= x << 13;
          x ^= x >> 17;
          x ^= x << 5;
          img[p] = static_cast<std::uint8_t>(x);
        }
      }
    }
  };
  fill(ds.train, perClassTrain, 11);
  fill(ds.test, perClassTest, 23);
  return ds;
}

std::vector<std::uint8_t> binaryBatch(const Split& split, std::size_t first, std::size_t n) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = first; i < first + n; ++i) {
    out.push_back(split.labels[i]);
    out.insert(out.end(), split.image(i), split.image(i) + kImageBytes);
  }
  return out;
}

std::map<std::string, std::vector<std::uint8_t>> binaryLayout(const Dataset& ds) {
  std::map<std::string, std::vector<std::uint8_t>> files;
  const std::size_t n = ds.train.count();
  for (int b = 0; b < 5; ++b) {
    const std::size_t first = n * b / 5, last = n * (b + 1) / 5;
    files["cifar-10-batches-bin/data_batch_" + std::to_string(b + 1) + ".bin"] =
        binaryBatch(ds.train, first, last - first);
  }
  files["cifar-10-batches-bin/test_batch.bin"] = binaryBatch(ds.test, 0, ds.test.count());
  std::string meta;
  for (const auto& c : ds.classNames) meta += c + "\n";
  files["cifar-10-batches-bin/batches.meta.txt"] =
      std::vector<std::uint8_t>(meta.begin(), meta.end());
  return files;
}

namespace {

/// A planar 3x32x32 image as a w x h RGB QImage (tiled past 32), and its encoding.
std::vector<std::uint8_t> encodeImage(const std::uint8_t* chw, int width, int height,
                                      const char* format, int quality = -1) {
  QImage img(width, height, QImage::Format_RGB888);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const int off = (y % kImageSide) * kImageSide + (x % kImageSide);
      img.setPixel(x, y, qRgb(chw[off], chw[kPlaneBytes + off], chw[2 * kPlaneBytes + off]));
    }
  QByteArray bytes;
  QBuffer buf(&bytes);
  buf.open(QIODevice::WriteOnly);
  if (!img.save(&buf, format, quality))
    throw std::runtime_error(std::string(format) + " encoding failed");
  return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

}  // namespace

std::vector<std::uint8_t> encodeJpeg(const std::uint8_t* chw) {
  return encodeImage(chw, kImageSide, kImageSide, "JPEG", 95);
}

std::vector<std::uint8_t> encodePng(const std::uint8_t* chw, int width, int height) {
  return encodeImage(chw, width, height, "PNG");
}

std::map<std::string, std::vector<std::uint8_t>> folderLayout(const Dataset& ds,
                                                              const std::string& root) {
  std::map<std::string, std::vector<std::uint8_t>> files;
  auto add = [&](const Split& s, const char* split) {
    std::map<int, int> seen;
    for (std::size_t i = 0; i < s.count(); ++i) {
      const int c = s.labels[i];
      char name[32];
      std::snprintf(name, sizeof name, "%04d.png", seen[c]++);
      files[root + "/" + split + "/" + ds.classNames[c] + "/" + name] = encodePng(s.image(i));
    }
  };
  add(ds.train, "train");
  add(ds.test, "test");
  return files;
}

void writeTree(const std::string& dir,
               const std::map<std::string, std::vector<std::uint8_t>>& files,
               const std::vector<std::string>& emptyDirs) {
  for (const auto& [name, bytes] : files) {
    const fs::path p = fs::path(dir) / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  for (const auto& d : emptyDirs) fs::create_directories(fs::path(dir) / d);
}

void writeTarGz(const std::string& path,
                const std::map<std::string, std::vector<std::uint8_t>>& files,
                const std::vector<std::string>& dirs) {
  std::unique_ptr<archive, decltype(&archive_write_free)> a(archive_write_new(),
                                                            archive_write_free);
  archive_write_add_filter_gzip(a.get());
  archive_write_set_format_pax_restricted(a.get());
  if (archive_write_open_filename(a.get(), path.c_str()) != ARCHIVE_OK)
    throw std::runtime_error("cannot write " + path);
  for (const auto& d : dirs) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, (d + "/").c_str());
    archive_entry_set_filetype(e, AE_IFDIR);
    archive_entry_set_perm(e, 0755);
    archive_write_header(a.get(), e);
    archive_entry_free(e);
  }
  for (const auto& [name, bytes] : files) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a.get(), e);
    archive_write_data(a.get(), bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a.get());
}

std::string sharedArchive() {
  const std::string p = std::string(POISONLAB_SHARED_DIR) + "/datasets/cifar10-jpeg.tar.gz";
  return fs::exists(p) ? p : std::string();
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = double(a.size());
  double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ma += a[i] / n, mb += b[i] / n;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

std::string binPath(const std::string& program) {
  return std::string(POISONLAB_BIN_DIR) + "/" + program;
}

void useTemporarySettings(const std::string& dir) {
  const QString d = QString::fromStdString(dir);
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, d + "/settings");
  QCoreApplication::setOrganizationName("PoisonLabTest");
  QSettings().setValue("runs/folder", d + "/runs");
}

CliResult runCli(const QStringList& args, const QProcessEnvironment& env, int timeoutMs) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.start(QString::fromStdString(binPath("poisonlab-cli")), args);
  if (!p.waitForFinished(timeoutMs)) p.kill();
  p.waitForFinished();
  CliResult r;
  r.code = p.exitCode();
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  const QStringList lines = r.out.trimmed().split('\n');
  if (!lines.isEmpty()) r.json = QJsonDocument::fromJson(lines.last().toUtf8()).object();
  return r;
}

QString miniArchive(QTemporaryDir& tmp, int perClassTrain) {
  if (qEnvironmentVariableIsSet("KEEP_TMP")) tmp.setAutoRemove(false);
  qInfo("%s", qPrintable(tmp.path()));
  const QString path = tmp.filePath("cifar.tar.gz");
  writeTarGz(path.toStdString(), folderLayout(makeDataset(10, perClassTrain, 4), "cifar10-mini"));
  return path;
}

int timeScale() { return POISONLAB_TIMEOUT_SCALE; }

}  // namespace poisonlab::testing
