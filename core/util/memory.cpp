#include "core/util/memory.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace poisonlab {

bool keepFreedMemory() {
  static bool changed = false;
  static std::once_flag once;
  std::call_once(once, [] {
#if defined(__GLIBC__)
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.")) return;
    // Both together: setting either one alone turns glibc's adaptive threshold off and leaves
    // the other at its small default, which is slower than not setting them (measured).
    changed = mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1 && mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1;
#endif
  });
  return changed;
}

}  // namespace poisonlab
