// The map page: photos as thumbnail markers, numbered clusters that zoom in on
// click. Without this script (or WebGL) the server-rendered list of places stays.
// The ESM build starts its worker from /vendor/maplibre/maplibre-gl-worker.mjs,
// same origin, so the CSP needs no blob: or eval.
import {
  Map as MapLibre,
  Marker,
  Popup,
  LngLatBounds,
  NavigationControl,
  AttributionControl
} from '/vendor/maplibre/maplibre-gl.mjs'

const CLUSTER_MAX_ZOOM = 13
// A photo marker (map.css: 56px frame + 10px pin) stands on the tip of its pin.
const PIN = 10
const MARKER_HEIGHT = 56 + PIN
const POPUP_OFFSET = {
  top: [0, 0],
  'top-left': [0, 0],
  'top-right': [0, 0],
  bottom: [0, -MARKER_HEIGHT],
  'bottom-left': [0, -MARKER_HEIGHT],
  'bottom-right': [0, -MARKER_HEIGHT],
  left: [30, -MARKER_HEIGHT / 2],
  right: [-30, -MARKER_HEIGHT / 2]
}

const container = document.getElementById('map')
if (container) start(container).catch(err => console.error('map failed', err))

async function start(container) {
  const response = await fetch(container.dataset.src, { headers: { accept: 'application/geo+json' } })
  if (!response.ok) throw new Error(`map data: ${response.status}`)
  const data = await response.json()
  if (data.features.length === 0) return // the list says there is nothing to show
  const list = document.querySelector('.map-places')
  const fallBack = () => {
    container.hidden = true
    list?.removeAttribute('hidden')
  }
  list?.setAttribute('hidden', '')
  container.hidden = false
  // The photo the visitor came from stays out of the clusters: always shown, highlighted, centred.
  const focused = data.features.find(f => f.properties.uid === container.dataset.focus)
  const others = { ...data, features: data.features.filter(f => f !== focused) }
  const bounds = new LngLatBounds()
  for (const f of data.features) bounds.extend(f.geometry.coordinates)
  let map
  try {
    map = new MapLibre({
      container,
      style: container.dataset.style,
      attributionControl: false,
      bounds,
      fitBoundsOptions: { padding: 72, maxZoom: Number(container.dataset.fitZoom) || 12 }
    })
  } catch (err) {
    fallBack() // no WebGL
    throw err
  }
  let ready = false
  map.on('error', event => {
    console.error('map:', event.error)
    if (!ready) fallBack() // the style could not be loaded
  })
  if (focused) map.setCenter(focused.geometry.coordinates)
  map.addControl(new NavigationControl({ showCompass: false }))
  map.addControl(new AttributionControl({ compact: true }))
  map.on('load', () => {
    ready = true
    map.addSource('photos', {
      type: 'geojson',
      data: others,
      cluster: true,
      clusterMaxZoom: CLUSTER_MAX_ZOOM,
      clusterRadius: 80
    })
    // Invisible, but it makes the source load its tiles; the markers are HTML.
    map.addLayer({ id: 'photos', type: 'circle', source: 'photos', paint: { 'circle-radius': 0, 'circle-opacity': 0 } })
    showMarkers(map)
    if (focused) photoMarker(focused, true).addTo(map).togglePopup()
  })
}

/** Keeps one HTML marker per visible cluster or photo, rebuilt as the clusters change. */
function showMarkers(map) {
  const source = map.getSource('photos')
  const cache = new Map()
  let shown = new Map()
  const update = () => {
    if (!map.isSourceLoaded('photos')) return
    const next = new Map()
    for (const feature of map.querySourceFeatures('photos')) {
      const p = feature.properties
      const key = p.cluster ? `c${p.cluster_id}` : `p${p.uid}`
      if (next.has(key)) continue // a feature near a tile edge comes once per tile
      let marker = cache.get(key)
      if (!marker) {
        marker = p.cluster ? clusterMarker(map, source, feature) : photoMarker(feature, false)
        cache.set(key, marker)
      }
      next.set(key, marker)
      if (!shown.has(key)) marker.addTo(map)
    }
    for (const [key, marker] of shown) if (!next.has(key)) marker.remove()
    shown = next
  }
  map.on('render', update)
  update()
}

function photoMarker(feature, focused) {
  const p = feature.properties
  const element = document.createElement('button')
  element.type = 'button'
  element.className = focused ? 'map-photo focused' : 'map-photo'
  element.title = `${p.title} · ${p.date}`
  element.append(image(p.thumb, ''))
  const popup = new Popup({ offset: POPUP_OFFSET, maxWidth: '260px', focusAfterOpen: false }).setDOMContent(preview(p))
  return new Marker({ element, anchor: 'bottom', offset: [0, -PIN] })
    .setLngLat(feature.geometry.coordinates)
    .setPopup(popup)
}

function clusterMarker(map, source, feature) {
  const { cluster_id: id, point_count: count, point_count_abbreviated: label } = feature.properties
  const element = document.createElement('button')
  element.type = 'button'
  element.className = 'map-cluster'
  element.title = `${count} photos: zoom in`
  const badge = document.createElement('span')
  badge.className = 'count'
  badge.textContent = label
  element.append(badge)
  // The newest leaf would do as well; the first keeps the cover stable while zooming.
  source
    .getClusterLeaves(id, 1, 0)
    .then(([leaf]) => {
      if (leaf) element.prepend(image(leaf.properties.thumb, ''))
    })
    .catch(() => {})
  element.addEventListener('click', async event => {
    event.stopPropagation()
    const zoom = await source.getClusterExpansionZoom(id)
    map.easeTo({ center: feature.geometry.coordinates, zoom })
  })
  return new Marker({ element }).setLngLat(feature.geometry.coordinates)
}

function preview(p) {
  const link = document.createElement('a')
  link.className = 'map-preview'
  link.href = p.href
  const caption = document.createElement('span')
  const date = document.createElement('strong')
  date.textContent = p.date
  const place = document.createElement('span')
  place.textContent = p.place
  caption.append(date, place)
  link.append(image(p.thumb, p.title), caption)
  return link
}

function image(src, alt) {
  const img = document.createElement('img')
  img.src = src
  img.alt = alt
  img.decoding = 'async'
  return img
}
