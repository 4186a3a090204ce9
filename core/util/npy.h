#pragma once
/// @file npy.h
/// NumPy .npy files (format 1.0) of float32 N x D matrices, for features users analyse
/// elsewhere (numpy.load reads them). The writer fills rows in any order and commits
/// atomically: until commit() the data lives in a temporary file beside the target, which is
/// removed if the writer is destroyed first (a cancelled export leaves nothing behind).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace poisonlab {

class NpyWriter {
 public:
  NpyWriter(std::string path, std::size_t rows, std::size_t cols);
  ~NpyWriter();
  NpyWriter(const NpyWriter&) = delete;
  NpyWriter& operator=(const NpyWriter&) = delete;

  /// Writes `n` consecutive rows starting at row `first`.
  void writeRows(std::size_t first, const float* data, std::size_t n);
  /// Writes one row at `row`.
  void writeRow(std::size_t row, const float* data) { writeRows(row, data, 1); }
  /// Flushes to disk and renames the temporary file to the target.
  void commit();
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }

 private:
  std::string path_, tmp_;
  std::size_t rows_, cols_, headerBytes_ = 0;
  std::FILE* file_ = nullptr;
};

/// A float32 matrix read from a .npy file (little-endian '<f4', C order, 1-D or 2-D).
struct NpyMatrix {
  std::size_t rows = 0, cols = 0;
  std::vector<float> values;
};
/// Throws Error naming the file when it is not such a file.
NpyMatrix readNpy(const std::string& path);

/// Rows of a float32 .npy file read on demand (a cached 50,000 x 16,384 layer is 3.3 GB).
/// The constructor checks the header and the size as readNpy does.
class NpyReader {
 public:
  explicit NpyReader(std::string path);
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }
  /// Rows first..first+n-1 into `out` (n x cols floats); throws Error naming the file.
  void readRows(std::size_t first, std::size_t n, float* out);

 private:
  std::string path_;
  std::ifstream in_;
  std::size_t rows_ = 0, cols_ = 0;
  std::uint64_t dataStart_ = 0;
};

}  // namespace poisonlab
