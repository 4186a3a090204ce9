#include "plot/plot_export.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <QMessageBox>
#include <QRegularExpression>
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

QColor seriesColour(int k) {
  static const QColor colours[] = {kBlue, kVermillion, kGreen, kOrange, kPurple, kSky, kGrey};
  return colours[static_cast<std::size_t>(k) % (sizeof colours / sizeof colours[0])];
}

namespace {

/// A plot title that wraps at the plot's width instead of setting the plot's minimum width (a
/// one-line title made views wider than a laptop's screen allows, in German above all, or was
/// cut at both ends in a narrow splitter pane). QCPTextElement's size hints and drawing assume
/// one line.
class WrappingTitle : public QCPTextElement {
 public:
  WrappingTitle(QCustomPlot* plot, const QString& text, const QFont& font)
      : QCPTextElement(plot, text, font) {
    setTextFlags(Qt::AlignCenter | Qt::TextWordWrap);
  }

 protected:
  QSize minimumOuterSizeHint() const override {
    return QSize(widestWord() + mMargins.left() + mMargins.right(), height());
  }
  QSize maximumOuterSizeHint() const override { return QSize(QWIDGETSIZE_MAX, height()); }

 private:
  int widestWord() const {
    const QFontMetrics metrics(mFont);
    int widest = 0;
    for (const QString& word :
         mText.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
      widest = std::max(widest, metrics.horizontalAdvance(word));
    return widest;
  }
  /// The text's height wrapped at the width the plot gives the title row (the plot's viewport:
  /// set before every layout, on screen and for an export alike).
  int height() const {
    const int available =
        (mParentPlot ? mParentPlot->viewport().width() : 0) - mMargins.left() - mMargins.right();
    const int width = std::max(widestWord(), available);
    const QFontMetrics metrics(mFont);
    return metrics.boundingRect(0, 0, width, 0, Qt::AlignCenter | Qt::TextWordWrap, mText)
               .height() +
           mMargins.top() + mMargins.bottom();
  }
};

}  // namespace

QCustomPlot* makePlot(QWidget* parent, const QString& name, const QString& title,
                      const QString& xLabel) {
  auto* p = new QCustomPlot(parent);
  p->setObjectName(name);
  p->setMinimumSize(220, 160);
  p->plotLayout()->insertRow(0);
  QFont f = p->font();
  f.setBold(true);
  p->plotLayout()->addElement(0, 0, new WrappingTitle(p, title, f));
  if (!xLabel.isEmpty()) p->xAxis->setLabel(xLabel);
  p->setNoAntialiasingOnDrag(true);
  installExportMenu(p, name);
  return p;
}

void legendBelow(QCustomPlot* p, int rows) {
  p->legend->setVisible(true);
  QFont lf = p->font();
  lf.setPointSizeF(lf.pointSizeF() * 0.85);
  p->legend->setFont(lf);
  p->legend->setBorderPen(Qt::NoPen);
  p->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  p->legend->setWrap(rows);
  p->legend->setMargins(QMargins(2, 0, 2, 0));
  p->axisRect()->insetLayout()->take(p->legend);
  p->plotLayout()->addElement(2, 0, p->legend);
  p->plotLayout()->setRowStretchFactor(2, 0.001);
  p->plotLayout()->setRowSpacing(0);
}

void setPlotTitle(QCustomPlot* plot, const QString& title) {
  if (auto* t = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))) t->setText(title);
}

void drawConfusion(QCustomPlot* plot, const std::vector<std::vector<int>>& counts,
                   const QStringList& classNames, const QString& title) {
  plot->clearPlottables();
  plot->clearItems();
  setPlotTitle(plot, title);
  const int n = static_cast<int>(counts.size());
  if (n == 0) {
    plot->replot();
    return;
  }
  auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
  map->data()->setSize(n, n);
  map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
  QFont small = plot->font();
  small.setPointSizeF(small.pointSizeF() * (n > 10 ? 0.6 : 0.75));
  for (int t = 0; t < n; ++t) {
    double total = 0;
    for (int v : counts[t]) total += v;
    for (int p = 0; p < n; ++p) {
      const double f = total > 0 ? counts[t][p] / total : 0;
      map->data()->setCell(p, t, f);
      if (n <= 12 && counts[t][p] > 0) {
        auto* label = new QCPItemText(plot);
        label->position->setCoords(p, t);
        label->setText(QString::number(100 * f, 'f', 0));
        label->setFont(small);
        label->setColor(f > 0.5 ? Qt::white : Qt::black);
      }
    }
  }
  QCPColorGradient g;
  g.setColorStopAt(0, QColor(247, 251, 255));
  g.setColorStopAt(0.5, QColor(107, 174, 214));
  g.setColorStopAt(1, QColor(8, 48, 107));
  map->setGradient(g);
  map->setDataRange(QCPRange(0, 1));
  map->setInterpolate(false);
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (int c = 0; c < n; ++c) ticker->addTick(c, classNames.value(c, QString::number(c)));
  plot->xAxis->setTicker(ticker);
  plot->yAxis->setTicker(ticker);
  plot->xAxis->setTickLabelRotation(90);
  plot->xAxis->setLabel(QString());
  plot->yAxis->setLabel(QString());
  plot->xAxis->setRange(-0.5, n - 0.5);
  plot->yAxis->setRange(-0.5, n - 0.5);
  plot->yAxis->setRangeReversed(true);
  plot->xAxis->grid()->setVisible(false);
  plot->yAxis->grid()->setVisible(false);
  QFont tickFont = plot->font();
  tickFont.setPointSizeF(tickFont.pointSizeF() * 0.85);
  plot->xAxis->setTickLabelFont(tickFont);
  plot->yAxis->setTickLabelFont(tickFont);
  plot->replot(QCustomPlot::rpQueuedReplot);
}

QIcon framedThumbnail(const QImage& image, int side, bool framed) {
  QPixmap pm =
      QPixmap::fromImage(image.scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation));
  if (framed) {
    QPainter p(&pm);
    const int w = std::max(2, side / 20);
    p.setPen(QPen(kVermillion, w));
    p.drawRect(pm.rect().adjusted(w / 2, w / 2, -(w + 1) / 2, -(w + 1) / 2));
  }
  return QIcon(pm);
}

}  // namespace poisonlab::gui
