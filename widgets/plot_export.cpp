#include "plot_export.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>

#include "core/util/error.h"
#include "qcustomplot.h"

namespace poisonlab::gui {

void savePlot(QCustomPlot* plot, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf"))
    throw Error(path.toStdString() + ": choose a .png or .pdf file name");
  const QString tmp = path + QStringLiteral(".part.") + suffix;
  QFile::remove(tmp);
  // Twice the on-screen size for PNG so it stays sharp on slides; PDF is vector.
  const bool ok = suffix == QLatin1String("png")
                      ? plot->savePng(tmp, plot->width(), plot->height(), 2.0)
                      : plot->savePdf(tmp, plot->width(), plot->height());
  if (!ok) {
    QFile::remove(tmp);
    throw Error(path.toStdString() + ": could not write the plot");
  }
  QFile::remove(path);
  if (!QFile::rename(tmp, path)) {
    QFile::remove(tmp);
    throw Error(path.toStdString() + ": could not replace the file");
  }
}

void installExportMenu(QCustomPlot* plot, const QString& baseName) {
  plot->setContextMenuPolicy(Qt::CustomContextMenu);
  QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, baseName](QPoint at) {
    QMenu menu(plot);
    menu.addAction(QObject::tr("Export as PNG or PDF…"), plot, [plot, baseName] {
      const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
      const QString path = QFileDialog::getSaveFileName(
          plot, QObject::tr("Export plot"), dir + QLatin1Char('/') + baseName + ".png",
          QObject::tr("PNG image (*.png);;PDF document (*.pdf)"));
      if (path.isEmpty()) return;
      try {
        savePlot(plot, path);
      } catch (const std::exception& e) {
        QMessageBox::warning(plot, QObject::tr("Export plot"), QString::fromStdString(e.what()));
      }
    });
    menu.exec(plot->mapToGlobal(at));
  });
}

}  // namespace poisonlab::gui
