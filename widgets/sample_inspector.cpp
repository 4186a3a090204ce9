#include "sample_inspector.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QModelIndex>
#include <QPainter>

#include "sample_image.h"
#include "sample_model.h"

namespace poisonlab::gui {

PixelView::PixelView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PixelView::setImage(const QImage& image) {
  image_ = image;
  update();
}

void PixelView::setTriggerMark(std::optional<TriggerSpec> trigger) {
  mark_ = std::move(trigger);
  update();
}

void PixelView::setDifference(const QImage& other) {
  other_ = other;
  update();
}

void PixelView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  if (image_.isNull()) return;
  // Largest integer scale that fits, so every source pixel is a crisp square.
  const int scale = std::max(1, std::min(width() / image_.width(), height() / image_.height()));
  const QRect target((width() - image_.width() * scale) / 2,
                     (height() - image_.height() * scale) / 2, image_.width() * scale,
                     image_.height() * scale);
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);
  p.drawImage(target, image_);
  if (!other_.isNull() && other_.size() == image_.size()) {
    p.setPen(QPen(QColor(255, 200, 0), 2));
    p.setBrush(Qt::NoBrush);
    for (int y = 0; y < image_.height(); ++y)
      for (int x = 0; x < image_.width(); ++x)
        if (image_.pixel(x, y) != other_.pixel(x, y))
          p.drawRect(target.x() + x * scale - 2, target.y() + y * scale - 2, scale + 3, scale + 3);
  }
  if (mark_) {
    const QRect t = triggerRect(*mark_);
    const QRect r(target.x() + t.x() * scale, target.y() + t.y() * scale, t.width() * scale,
                  t.height() * scale);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Qt::black, 2));
    p.drawRect(r.adjusted(-5, -5, 4, 4));
    p.setPen(QPen(QColor(0, 230, 64), 2));
    p.drawRect(r.adjusted(-3, -3, 2, 2));
  }
}

SampleInspector::SampleInspector(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("sampleInspector"));
  modelView_ = new PixelView(this);
  cleanView_ = new PixelView(this);
  modelView_->setObjectName(QStringLiteral("modelView"));
  cleanView_->setObjectName(QStringLiteral("cleanView"));
  title_ = new QLabel(tr("No sample selected"), this);
  QFont f = title_->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * 1.2);
  title_->setFont(f);
  details_ = new QLabel(this);
  details_->setObjectName(QStringLiteral("details"));
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  details_->setWordWrap(true);
  overlay_ = new QCheckBox(tr("Show trigger location"), this);
  overlay_->setObjectName(QStringLiteral("triggerOverlay"));
  overlay_->setChecked(true);
  connect(overlay_, &QCheckBox::toggled, this, [this] { refreshMarks(); });

  auto* grid = new QGridLayout(this);
  grid->addWidget(title_, 0, 0, 1, 2);
  grid->addWidget(new QLabel(tr("As the model sees it"), this), 1, 0, Qt::AlignHCenter);
  grid->addWidget(new QLabel(tr("Clean original"), this), 1, 1, Qt::AlignHCenter);
  grid->addWidget(modelView_, 2, 0);
  grid->addWidget(cleanView_, 2, 1);
  grid->addWidget(overlay_, 3, 0, 1, 2);
  grid->addWidget(details_, 4, 0, 1, 2);
  grid->setRowStretch(2, 1);
}

bool SampleInspector::triggerOverlay() const { return overlay_->isChecked(); }
void SampleInspector::setTriggerOverlay(bool on) { overlay_->setChecked(on); }

void SampleInspector::setTrigger(std::optional<TriggerSpec> trigger) {
  trigger_ = std::move(trigger);
  refreshMarks();
}

void SampleInspector::refreshMarks() {
  const auto mark = overlay_->isChecked() ? trigger_ : std::nullopt;
  modelView_->setTriggerMark(mark);
  cleanView_->setTriggerMark(mark);
}

void SampleInspector::showSample(const QModelIndex& index) {
  if (!index.isValid()) {
    title_->setText(tr("No sample selected"));
    details_->clear();
    modelView_->setImage({});
    cleanView_->setImage({});
    return;
  }
  const int i = index.data(SampleModel::IndexRole).toInt();
  const bool poisoned = index.data(SampleModel::PoisonedRole).toBool();
  const QImage seen = index.data(SampleModel::ImageRole).value<QImage>();
  const QImage clean = index.data(SampleModel::CleanImageRole).value<QImage>();
  modelView_->setImage(seen);
  modelView_->setDifference(clean);
  cleanView_->setImage(clean);
  title_->setText(tr("Training sample #%1").arg(i));
  QString text = tr("Label: %1 (%2)")
                     .arg(index.data(SampleModel::ClassNameRole).toString())
                     .arg(index.data(SampleModel::LabelRole).toInt());
  text += QLatin1Char('\n') + tr("Original label: %1 (%2)")
                                  .arg(index.data(SampleModel::OriginalClassNameRole).toString())
                                  .arg(index.data(SampleModel::OriginalLabelRole).toInt());
  text +=
      QLatin1Char('\n') + (poisoned ? tr("Ground truth: POISONED (trigger stamped, label flipped)")
                                    : tr("Ground truth: clean"));
  if (trigger_) {
    const QColor c = seen.pixelColor(trigger_->col, trigger_->row);
    text += QLatin1Char('\n') + tr("Pixel at row %1, column %2: (%3, %4, %5)")
                                    .arg(trigger_->row)
                                    .arg(trigger_->col)
                                    .arg(c.red())
                                    .arg(c.green())
                                    .arg(c.blue());
  }
  details_->setText(text);
  refreshMarks();
}

}  // namespace poisonlab::gui
