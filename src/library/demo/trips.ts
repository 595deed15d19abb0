/** The demo library: trips with places and dates, plus undated-place photos at home. */
export interface DemoTrip {
  folder: string
  place: string
  /** First day, local time. */
  start: string
  /** Centre of the trip; photos scatter around it. */
  lat: number | null
  lng: number | null
  /** Width in degrees of the square the photos scatter over (0.04 unless set): small where water is near. */
  spread?: number
  offset: string
  count: number
  subjects: string[]
  hue: number
}

export const DEMO_TRIPS: DemoTrip[] = [
  {
    folder: '2024/tuscany',
    place: 'Florence, Toscana',
    start: '2024-06-10T09:00:00',
    lat: 43.7696,
    lng: 11.2558,
    offset: '+02:00',
    count: 8,
    subjects: [
      'Duomo',
      'Ponte Vecchio',
      'Cypress road',
      'Vineyard',
      'Siena square',
      'Olive grove',
      'Sunset hills',
      'Gelato'
    ],
    hue: 30
  },
  {
    folder: '2024/rome',
    place: 'Rome, Lazio',
    start: '2024-06-16T10:00:00',
    lat: 41.9028,
    lng: 12.4964,
    offset: '+02:00',
    count: 6,
    subjects: ['Colosseum', 'Forum', 'Trevi fountain', 'Pantheon', 'Trastevere', 'Tiber'],
    hue: 10
  },
  {
    folder: '2024/paris',
    place: 'Paris, Île-de-France',
    start: '2024-09-05T11:00:00',
    lat: 48.8566,
    lng: 2.3522,
    offset: '+02:00',
    count: 7,
    subjects: ['Eiffel tower', 'Louvre', 'Seine', 'Montmartre', 'Café', 'Notre-Dame', 'Luxembourg garden'],
    hue: 220
  },
  {
    folder: '2024/munich',
    place: 'Munich, Bavaria',
    start: '2024-12-12T14:00:00',
    lat: 48.1351,
    lng: 11.582,
    offset: '+01:00',
    count: 6,
    subjects: ['Christmas market', 'Marienplatz', 'English garden', 'Snowy roofs', 'Pretzel', 'Frauenkirche'],
    hue: 0
  },
  {
    folder: '2025/berlin',
    place: 'Berlin',
    start: '2025-02-20T10:00:00',
    lat: 52.52,
    lng: 13.405,
    offset: '+01:00',
    count: 6,
    subjects: ['Brandenburg gate', 'Spree', 'TV tower', 'East side gallery', 'Museum island', 'Tempelhof'],
    hue: 260
  },
  {
    folder: '2025/california',
    place: 'San Francisco, California',
    start: '2025-04-03T08:30:00',
    lat: 37.7749,
    lng: -122.4194,
    offset: '-07:00',
    count: 8,
    subjects: [
      'Golden Gate',
      'Cable car',
      'Alcatraz',
      'Painted ladies',
      'Fog',
      'Pier 39',
      'Lombard street',
      'Muir woods'
    ],
    hue: 190
  },
  {
    folder: '2025/new-york',
    place: 'New York',
    start: '2025-05-18T09:00:00',
    lat: 40.7812,
    lng: -73.9665,
    spread: 0.02,
    offset: '-04:00',
    count: 6,
    subjects: ['Central park', 'Brooklyn bridge', 'Times square', 'High line', 'Skyline', 'Subway'],
    hue: 120
  },
  {
    folder: 'home',
    place: 'Home',
    start: '2024-07-01T18:00:00',
    lat: null,
    lng: null,
    offset: '+02:00',
    count: 13,
    subjects: [
      'Garden',
      'Cat',
      'Birthday cake',
      'Bookshelf',
      'Window light',
      'Bicycle',
      'Breakfast',
      'Rainy day',
      'Tomatoes',
      'Sunflowers',
      'Dog walk',
      'Kitchen',
      'Balcony'
    ],
    hue: 90
  }
]
