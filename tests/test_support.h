#pragma once
// Helpers shared by the tests: small CIFAR-10 data sets written in both real layouts and both
// containers, made by the test itself.

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace poisonlab::testing {

/// How much slower this build runs than Release: the build's POISONLAB_TIMEOUT_SCALE (3 under
/// the sanitizer presets, else 1). A latency the product promises (cancel within a second) is
/// checked against `ms * timeScale()`, as CTest's limits are.
int timeScale();

/// A data set of `perClassTrain` / `perClassTest` images per class with deterministic content:
/// pixel values depend on (image, channel, position) so every image is distinct.
Dataset makeDataset(int classes, int perClassTrain, int perClassTest, std::uint32_t salt = 1);

/// The bytes of a CIFAR-10 binary batch file holding `split[first, first+n)`.
std::vector<std::uint8_t> binaryBatch(const Split& split, std::size_t first, std::size_t n);

/// Files of the official binary layout under `cifar-10-batches-bin/`: 5 training batches
/// (the training split cut in five) + test_batch.bin + batches.meta.txt.
std::map<std::string, std::vector<std::uint8_t>> binaryLayout(const Dataset& ds);

/// Files of the image-folder layout under `<root>/train|test/<class>/NNNN.png` (lossless).
std::map<std::string, std::vector<std::uint8_t>> folderLayout(const Dataset& ds,
                                                              const std::string& root = "data");

/// Writes the files under `dir` (creating folders), plus empty folders `emptyDirs`.
void writeTree(const std::string& dir,
               const std::map<std::string, std::vector<std::uint8_t>>& files,
               const std::vector<std::string>& emptyDirs = {});

/// Writes the files as a gzip-compressed tar archive, plus directory entries `dirs`.
void writeTarGz(const std::string& path,
                const std::map<std::string, std::vector<std::uint8_t>>& files,
                const std::vector<std::string>& dirs = {});

/// Encodes a planar 3x32x32 image as JPEG (Qt's encoder, quality 95).
std::vector<std::uint8_t> encodeJpeg(const std::uint8_t* chw);

/// Encodes a planar 3x32x32 image (or any w x h RGB image) as PNG.
std::vector<std::uint8_t> encodePng(const std::uint8_t* chw, int width = kImageSide,
                                    int height = kImageSide);

/// Points QSettings (INI, user scope) at `dir`/settings and "runs/folder" at `dir`/runs, under
/// the organisation "PoisonLabTest", so a test never touches the user's settings.
void useTemporarySettings(const std::string& dir);

/// The shared CIFAR-10 archive beside the checkout, or "" when absent.
std::string sharedArchive();

/// Pearson correlation of two equally long series.
double pearson(const std::vector<double>& a, const std::vector<double>& b);

/// Path of a built program in build/bin.
std::string binPath(const std::string& program);

/// What poisonlab-cli did: exit code, output, and its --json line (the last of stdout) parsed.
struct CliResult {
  int code = -1;
  QString out, err;
  QJsonObject json;
};
/// Runs the real poisonlab-cli (killed after `timeoutMs`; generous: a shared machine is slow).
CliResult runCli(const QStringList& args,
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                 int timeoutMs = 300000);

/// The CLI tests' folder (kept with $KEEP_TMP, its path printed) and a tiny 10-class data set
/// archive in it (`perClassTrain` training and 4 test images a class); returns the archive.
QString miniArchive(QTemporaryDir& tmp, int perClassTrain);

}  // namespace poisonlab::testing
