// download: fetch the official CIFAR-10 binary release into the user data folder.
#include <sstream>

#include "commands.h"
#include "core/data/data_location.h"
#include "core/data/download.h"
#include "core/util/error.h"
#include "terminal_progress.h"

namespace poisonlab::cli {

int cmdDownload(int argc, char** argv) {
  Args a(commandDoc("download"));
  a.parse(argc, argv, 2);
  DownloadOptions o;
  o.destDir = a.value("dest", userDataDir());
  o.url = a.value("url", o.url);
  o.md5 = a.value("md5", o.md5);
  o.expectedSize = a.integer("size", o.expectedSize, 0, 1LL << 50);
  if (a.has("url") && !a.has("size")) o.expectedSize = 0;  // another file: its size is unknown
  if (a.has("url") && !a.has("md5")) o.md5.clear();
  if (a.has("url")) {
    const auto slash = o.url.find_last_of('/');
    const std::string name = slash == std::string::npos ? "" : o.url.substr(slash + 1);
    if (!name.empty() && name.find('?') == std::string::npos) o.fileName = name;
  }
  TerminalProgress bar("download");
  const DownloadResult r = downloadFile(
      o, [&](double f, const std::string& t) { bar(f, t); }, &interruptToken());
  bar.finish();
  nlohmann::json out{{"path", r.path},
                     {"bytes", r.bytes},
                     {"already_present", r.alreadyPresent},
                     {"resumed_from", r.resumedFrom},
                     {"md5_checked", !o.md5.empty()},
                     {"seconds", r.seconds}};
  std::ostringstream h;
  if (r.alreadyPresent)
    h << r.path << " is already here and verified; nothing to do\n";
  else
    h << "Downloaded " << r.bytes << " bytes to " << r.path
      << (o.md5.empty() ? "" : " (MD5 verified)")
      << (r.resumedFrom > 0 ? ", resumed from byte " + std::to_string(r.resumedFrom)
                            : std::string())
      << "\n";
  emit(a, out, h.str());
  return 0;
}

}  // namespace poisonlab::cli
