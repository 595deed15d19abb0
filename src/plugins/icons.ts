import {
  mdiAccountCircle, mdiArchive, mdiArrowLeft, mdiCalendarMonth, mdiCheck, mdiChevronDown, mdiChevronLeft, mdiChevronRight,
  mdiClose, mdiContentCopy, mdiDelete, mdiDotsVertical, mdiDownload, mdiFolder, mdiImageMultiple, mdiImage, mdiLinkPlus,
  mdiLinkVariant, mdiLock, mdiLockOpenVariant, mdiLogout, mdiMap, mdiMapMarker, mdiPencil, mdiPlus, mdiPower, mdiRefresh,
  mdiShareVariant, mdiStarFourPoints, mdiEarth, mdiEye, mdiPlay, mdiMotionPlayOutline, mdiAlertCircleOutline
} from '@mdi/js'

const PATHS: Record<string, string> = {
  'account-circle': mdiAccountCircle,
  archive: mdiArchive,
  'arrow-left': mdiArrowLeft,
  'calendar-month': mdiCalendarMonth,
  check: mdiCheck,
  'chevron-down': mdiChevronDown,
  'chevron-left': mdiChevronLeft,
  'chevron-right': mdiChevronRight,
  close: mdiClose,
  'content-copy': mdiContentCopy,
  delete: mdiDelete,
  'dots-vertical': mdiDotsVertical,
  download: mdiDownload,
  earth: mdiEarth,
  eye: mdiEye,
  folder: mdiFolder,
  image: mdiImage,
  'image-multiple': mdiImageMultiple,
  'link-plus': mdiLinkPlus,
  'link-variant': mdiLinkVariant,
  lock: mdiLock,
  'lock-open-variant': mdiLockOpenVariant,
  logout: mdiLogout,
  map: mdiMap,
  'map-marker': mdiMapMarker,
  pencil: mdiPencil,
  play: mdiPlay,
  'motion-play-outline': mdiMotionPlayOutline,
  'alert-circle-outline': mdiAlertCircleOutline,
  plus: mdiPlus,
  power: mdiPower,
  refresh: mdiRefresh,
  'share-variant': mdiShareVariant,
  'star-four-points': mdiStarFourPoints
}

/** Inline Material Design icon; decorative (the button or link around it carries the name). */
export function icon (name: string): string {
  const path = PATHS[name]
  if (!path) throw new Error(`unknown icon ${name}`)
  return `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${path}"/></svg>`
}
