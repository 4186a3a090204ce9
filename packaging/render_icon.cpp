// Build-time tool: renders the application's SVG icon to a square PNG of the size asked, for the
// hicolor icon theme's fixed-size folders.  usage: render_icon IN.svg OUT.png SIZE
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: render_icon IN.svg OUT.png SIZE\n");
    return 2;
  }
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);  // loads the image-format plugins (SVG)
  const int size = std::atoi(argv[3]);
  QImageReader reader(QString::fromLocal8Bit(argv[1]));
  reader.setScaledSize(QSize(size, size));
  const QImage image = reader.read();
  if (image.isNull()) {
    std::fprintf(stderr, "render_icon: %s: %s (is Qt's SVG image plugin, libqt6svg6, installed?)\n",
                 argv[1], qPrintable(reader.errorString()));
    return 1;
  }
  if (!image.convertToFormat(QImage::Format_ARGB32).save(QString::fromLocal8Bit(argv[2]), "PNG")) {
    std::fprintf(stderr, "render_icon: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
