#include "core/util/md5.h"

#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <vector>

#include "core/util/error.h"

namespace poisonlab {

namespace {
using Context = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string finish(Context& ctx) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

Context start() {
  Context ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr);
  return ctx;
}
}  // namespace

std::string md5OfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open to check its MD5");
  Context ctx = start();
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0)
      EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  return finish(ctx);
}

std::string md5OfText(const std::string& text) {
  Context ctx = start();
  EVP_DigestUpdate(ctx.get(), text.data(), text.size());
  return finish(ctx);
}

}  // namespace poisonlab
