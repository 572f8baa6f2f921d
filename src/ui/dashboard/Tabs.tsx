import type { KeyboardEvent, ReactNode } from 'react'
import { useRef } from 'react'
import styled from 'styled-components'

import { COLORS } from './colors'

const List = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xxs};
  border-block-end: 1px solid ${COLORS.grey300};
`

const Tab = styled.button<{ $selected: boolean }>`
  all: unset;
  cursor: pointer;
  padding: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
  font-weight: ${(p) => (p.$selected ? p.theme.fontWeights.semibold : p.theme.fontWeights.regular)};
  color: ${(p) => (p.$selected ? COLORS.blue700 : COLORS.grey800)};
  border-block-end: 3px solid ${(p) => (p.$selected ? COLORS.blue600 : 'transparent')};
  &:focus-visible {
    outline: 2px solid ${COLORS.blue600};
    outline-offset: -2px;
  }
`

export interface TabsProps<T extends string> {
  label: string
  tabs: readonly { id: T; label: string }[]
  selected: T
  onSelect: (id: T) => void
  children: ReactNode
}

/**
 * WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move and select, the panel follows.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: TabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>())
  const onKey = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    const tab = tabs[next]
    if (tab === undefined) return
    onSelect(tab.id)
    refs.current.get(tab.id)?.focus()
  }
  return (
    <>
      <List role="tablist" aria-label={label}>
        {tabs.map((tab, i) => (
          <Tab
            key={tab.id}
            type="button"
            role="tab"
            id={`rr-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            {...(tab.id === selected ? { 'aria-controls': `rr-panel-${tab.id}` } : {})}
            tabIndex={tab.id === selected ? 0 : -1}
            $selected={tab.id === selected}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el)
              else refs.current.delete(tab.id)
            }}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {tab.label}
          </Tab>
        ))}
      </List>
      <div role="tabpanel" id={`rr-panel-${selected}`} aria-labelledby={`rr-tab-${selected}`}>
        {children}
      </div>
    </>
  )
}
