#include "core/data/download.h"

#include <curl/curl.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/util/error.h"
#include "core/util/md5.h"

namespace fs = std::filesystem;

namespace poisonlab {
namespace {

std::string humanBytes(std::int64_t b) {
  char buf[32];
  if (b >= (1 << 20))
    std::snprintf(buf, sizeof buf, "%.1f MB", double(b) / (1 << 20));
  else if (b >= 1024)
    std::snprintf(buf, sizeof buf, "%.1f kB", double(b) / 1024);
  else
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(b));
  return buf;
}

struct Transfer {
  std::FILE* file = nullptr;
  std::int64_t offset = 0;   // bytes already on disk when the request started
  std::int64_t written = 0;  // bytes written by this request
  long status = 0;
  bool restart = false;  // server ignored the range: start the file over
  bool writeError = false;
  CURL* curl = nullptr;
  const ProgressFn* progress = nullptr;
  const CancelToken* cancel = nullptr;
  std::int64_t expected = 0;
  std::int64_t serverTotal = -1;  // from "Content-Range: bytes */N" (a 416's answer)
  std::chrono::steady_clock::time_point lastReport{};
};

/// Reads the whole file's size from a Content-Range header ("bytes */N" or "bytes A-B/N").
std::size_t onHeader(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string line(data, size * n);
  static const std::string key = "content-range:";
  if (line.size() > key.size()) {
    std::string head = line.substr(0, key.size());
    for (char& c : head) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (head == key) {
      const auto slash = line.rfind('/');
      if (slash != std::string::npos) {
        char* end = nullptr;
        const long long total = std::strtoll(line.c_str() + slash + 1, &end, 10);
        if (end != line.c_str() + slash + 1 && total >= 0) t->serverTotal = total;
      }
    }
  }
  return size * n;
}

std::size_t onData(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  if (t->status == 0) {
    curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &t->status);
    if (t->status == 200 && t->offset > 0) {
      // A full response to a range request: discard the partial file and start over.
      t->restart = true;
      if (std::fflush(t->file) != 0 || ::ftruncate(fileno(t->file), 0) != 0 ||
          std::fseek(t->file, 0, SEEK_SET) != 0) {
        t->writeError = true;
        return 0;
      }
      t->offset = 0;
    }
  }
  if (t->status != 200 && t->status != 206) return size * n;  // error body: ignore
  const std::size_t w = std::fwrite(data, size, n, t->file);
  if (w != n) {
    t->writeError = true;
    return 0;
  }
  t->written += static_cast<std::int64_t>(size * n);
  return size * n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (t->cancel && t->cancel->cancelled()) return 1;  // aborts the transfer
  const auto now = std::chrono::steady_clock::now();
  if (t->progress && *t->progress && now - t->lastReport > std::chrono::milliseconds(100)) {
    t->lastReport = now;
    const std::int64_t done = t->offset + t->written;
    const double f = t->expected > 0 ? double(done) / double(t->expected) : 0.0;
    (*t->progress)(std::min(1.0, f),
                   humanBytes(done) + (t->expected > 0 ? " of " + humanBytes(t->expected) : ""));
  }
  return 0;
}

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

}  // namespace

DownloadResult downloadFile(const DownloadOptions& o, const ProgressFn& progress,
                            const CancelToken* cancel) {
  static CurlGlobal global;
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  const std::string destDir = o.destDir.empty() ? "." : o.destDir;
  fs::create_directories(destDir, ec);
  if (ec) throw Error(destDir + ": cannot create download folder: " + ec.message());
  const std::string finalPath = (fs::path(destDir) / o.fileName).string();
  const std::string partPath = finalPath + ".part";
  DownloadResult result;
  result.path = finalPath;

  if (fs::is_regular_file(finalPath, ec) && (o.md5.empty() || md5OfFile(finalPath) == o.md5)) {
    result.alreadyPresent = true;
    result.bytes = static_cast<std::int64_t>(fs::file_size(finalPath));
    return result;
  }

  std::int64_t offset =
      fs::is_regular_file(partPath, ec) ? static_cast<std::int64_t>(fs::file_size(partPath)) : 0;
  if (o.expectedSize > 0 && offset > o.expectedSize) {
    fs::remove(partPath, ec);  // larger than the real file: it cannot be a prefix of it
    offset = 0;
  }
  std::FILE* file = std::fopen(partPath.c_str(), offset > 0 ? "ab" : "wb");
  if (!file) throw Error(partPath + ": cannot open for writing");
  result.resumedFrom = offset;

  Transfer t;
  t.file = file;
  t.offset = offset;
  t.progress = &progress;
  t.cancel = cancel;
  t.expected = o.expectedSize;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  t.curl = curl.get();
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl.get(), CURLOPT_URL, o.url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, onData);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(curl.get(), CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_LOW_SPEED_TIME, o.stallSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "PoisonLab");
  // CURLOPT_RANGE rather than RESUME_FROM: a server that ignores ranges answers 200 and the
  // write callback starts the file over, instead of curl failing the transfer.
  const std::string range = std::to_string(offset) + "-";
  if (offset > 0) curl_easy_setopt(curl.get(), CURLOPT_RANGE, range.c_str());
  const CURLcode rc = curl_easy_perform(curl.get());
  if (t.status == 0) curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &t.status);
  const bool closedOk = std::fclose(file) == 0;
  const std::int64_t onDisk = t.offset + t.written;

  auto keepOrDrop = [&]() -> std::string {
    if (onDisk > 0)
      return "; the " + humanBytes(onDisk) + " received are kept in " + partPath +
             ": run the same command again to resume";
    fs::remove(partPath, ec);
    return "";
  };
  if (rc == CURLE_ABORTED_BY_CALLBACK && cancel && cancel->cancelled()) {
    keepOrDrop();
    throw Cancelled();
  }
  if (t.writeError || !closedOk)
    throw Error(partPath + ": write failed (disk full?)" + keepOrDrop());
  if (t.status == 416 && offset > 0) {
    // The range starts at or past the end: the partial file may already be complete. Only
    // where something says so (the server's size, the expected size, or the MD5 below); a
    // stale .part larger than the file, or one nothing can vouch for, is dropped and the file
    // fetched afresh.
    const bool sizeAgrees = t.serverTotal >= 0 ? t.serverTotal == offset
                                               : o.expectedSize > 0 && o.expectedSize == offset;
    if (!sizeAgrees && o.md5.empty()) {
      fs::remove(partPath, ec);
      return downloadFile(o, progress, cancel);  // offset 0 now: no range, no 416
    }
  } else if (rc != CURLE_OK) {
    throw Error(o.url + ": download interrupted after " + humanBytes(onDisk) +
                (o.expectedSize > 0 ? " of " + humanBytes(o.expectedSize) : "") + ": " +
                (errbuf[0] ? errbuf : curl_easy_strerror(rc)) + keepOrDrop());
  } else if (t.status != 200 && t.status != 206) {
    throw Error(o.url + ": server answered HTTP " + std::to_string(t.status) + keepOrDrop());
  }
  if (o.expectedSize > 0 && onDisk < o.expectedSize)
    throw Error(o.url + ": connection closed after " + humanBytes(onDisk) + " of " +
                humanBytes(o.expectedSize) + keepOrDrop());
  if (o.expectedSize > 0 && onDisk > o.expectedSize) {
    fs::remove(partPath, ec);
    throw Error(o.url + ": received " + std::to_string(onDisk) + " bytes, expected " +
                std::to_string(o.expectedSize) + "; the file was removed");
  }
  if (!o.md5.empty()) {
    report(progress, 1.0, "checking MD5");
    const std::string got = md5OfFile(partPath);
    if (got != o.md5) {
      fs::remove(partPath, ec);
      throw Error(o.url + ": checksum mismatch: MD5 " + got + ", expected " + o.md5 +
                  "; the damaged file was removed, run the command again to download it afresh");
    }
  }
  fs::rename(partPath, finalPath, ec);
  if (ec) throw Error(finalPath + ": cannot rename the finished download: " + ec.message());
  if (t.restart) result.resumedFrom = 0;
  result.bytes = onDisk;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report(progress, 1.0, "done");
  return result;
}

}  // namespace poisonlab
