import type { FigureSelector } from '@/core'

/** Opens the tickets behind a figure of the report on screen (the dashboard adds range and tier). */
export type Drill = (select: FigureSelector, period?: 'current' | 'previous') => void

/** Series colours from Garden's palette (contrast ≥ 3:1 against white). */
export const SERIES = {
  current: '#1f73b7',
  previous: '#87929d',
  buckets: ['#038153', '#5eae91', '#ffb057', '#ed961c', '#cc3340', '#8c232c'],
} as const
