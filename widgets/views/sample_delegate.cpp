#include "views/sample_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "state/sample_image.h"
#include "state/sample_model.h"

namespace poisonlab::gui {
namespace {
constexpr int kPad = 3;
constexpr int kTextHeight = 16;
const QColor kPoisonColor(214, 39, 40);
const QColor kTriggerColor(0, 230, 64);
}  // namespace

SampleDelegate::SampleDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void SampleDelegate::setThumbnailSize(int pixels) { thumb_ = std::max(32, pixels); }

QSize SampleDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
  return QSize(thumb_ + 2 * kPad, thumb_ + 2 * kPad + kTextHeight);
}

void SampleDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const {
  p->save();
  const QRect cell = option.rect;
  const bool selected = index.data(SampleModel::SelectedRole).toBool();
  const QPalette& pal = option.palette;
  p->fillRect(cell, selected ? pal.highlight() : pal.base());

  const QRect img(cell.x() + (cell.width() - thumb_) / 2, cell.y() + kPad, thumb_, thumb_);
  const QImage image = index.data(SampleModel::ImageRole).value<QImage>();
  p->setRenderHint(QPainter::SmoothPixmapTransform, false);
  p->drawImage(img, image);

  const bool poisoned = index.data(SampleModel::PoisonedRole).toBool();
  const double s = double(thumb_) / image.width();
  if (mark_ && !image.isNull())
    paintTriggerOverlay(*p, QRectF(img.x(), img.y(), image.width() * s, image.height() * s),
                        triggerOverlay(*mark_), QPen(kTriggerColor, 1.5), 1.5);
  if (poisoned) {
    // A red corner flag with a white "P": visible at a glance in a grid of thousands.
    const int b = std::max(14, thumb_ / 4);
    QPainterPath flag;
    flag.moveTo(img.right() + 1 - b, img.top());
    flag.lineTo(img.right() + 1, img.top());
    flag.lineTo(img.right() + 1, img.top() + b);
    flag.closeSubpath();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->fillPath(flag, kPoisonColor);
    p->setPen(Qt::white);
    QFont f = option.font;
    f.setBold(true);
    f.setPixelSize(std::max(8, b / 2));
    p->setFont(f);
    p->drawText(QRect(img.right() + 1 - b / 2, img.top(), b / 2, b / 2), Qt::AlignCenter,
                QStringLiteral("P"));
    p->setPen(QPen(kPoisonColor, 2));
    p->setBrush(Qt::NoBrush);
    p->drawRect(QRectF(img).adjusted(-1, -1, 1, 1));
  }

  // A changed label: a badge "true -> training label" across the image's foot (a label-only
  // run's poisons carry no trigger: the badge is how they are seen).
  const bool changed = index.data(SampleModel::LabelRole).toInt() !=
                       index.data(SampleModel::OriginalLabelRole).toInt();
  if (changed && !image.isNull()) {
    p->save();
    QFont bf = option.font;
    bf.setPixelSize(std::max(8, thumb_ / 7));
    bf.setBold(true);
    const QFontMetrics fm(bf);
    const QRect badge(img.left(), img.bottom() + 1 - fm.height() - 2, img.width(), fm.height() + 2);
    p->fillRect(badge, QColor(0, 0, 0, 170));
    p->setFont(bf);
    p->setPen(Qt::white);
    const QString text = index.data(SampleModel::OriginalClassNameRole).toString() +
                         QStringLiteral("\u2192") +
                         index.data(SampleModel::ClassNameRole).toString();
    p->drawText(badge, Qt::AlignCenter, fm.elidedText(text, Qt::ElideMiddle, badge.width() - 2));
    p->restore();
  }
  if (index.data(SampleModel::FlaggedRole).toBool()) {
    // Flagged by the shown detector: an orange corner at the bottom left.
    const int b = std::max(12, thumb_ / 5);
    QPainterPath corner;
    corner.moveTo(img.left(), img.bottom() + 1 - b);
    corner.lineTo(img.left(), img.bottom() + 1);
    corner.lineTo(img.left() + b, img.bottom() + 1);
    corner.closeSubpath();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->fillPath(corner, QColor(230, 159, 0));
  }

  const QRect text(cell.x() + 1, img.bottom() + 1, cell.width() - 2, kTextHeight);
  p->setPen(selected ? pal.highlightedText().color()
                     : (poisoned ? kPoisonColor : pal.text().color()));
  QFont f = option.font;
  f.setPixelSize(11);
  p->setFont(f);
  const QString label = index.data(SampleModel::IndexRole).toString() + QLatin1Char(' ') +
                        index.data(SampleModel::ClassNameRole).toString();
  p->drawText(text, Qt::AlignHCenter | Qt::AlignVCenter,
              QFontMetrics(f).elidedText(label, Qt::ElideRight, text.width()));
  p->restore();
}

}  // namespace poisonlab::gui
