import type { DemoCase } from './reports-types';

/**
 * Three demo case studies, clearly fictional ("(demo)" in every title and name): one approved
 * and fully rated, one in review with comments and a Thai quote, one draft with unfinished
 * sections, a Vietnamese quote and a section holding two concurrent versions. Each carries
 * indicators, interviews, a photo and a figure counted from the demo directory.
 */
export const demoCases: DemoCase[] = [
  {
    type: 'case_study',
    key: 'cat',
    title: 'Merit-based recruitment through computer-assisted testing (demo)',
    countries: ['ID'],
    programme: 'ACCSM Work Plan 2021–2025: merit-based civil service (demo)',
    workPlanActivity: 'Exchange of good practice on transparent recruitment (demo)',
    blueprintObjective: 'A responsive civil service that serves the people with integrity (demo)',
    periodStart: '2021-03',
    periodEnd: '2024-12',
    status: 'approved',
    author: 'curator',
    expertise: ['hrm.recruitment.computer-assisted-testing', 'reform.merit-system'],
    experts: 3,
    sections: {
      s_context:
        'A fictional provincial civil service agency recruited about two thousand officers a year through paper tests marked by hand. Candidates waited three months for results, and many doubted that the best scores decided who was appointed.',
      s_problem:
        'Paper tests were slow and costly to mark, results reached candidates late, and the process left room for doubt. Applicants from remote districts travelled twice, once to sit the test and once to read the results on a notice board.',
      s_approach:
        'The agency introduced computer-assisted testing in regional centres, with question banks reviewed by subject experts and scores shown to each candidate on screen at the end of the test. Independent observers from universities and civil society watched every session.',
      s_results:
        'Within three years most vacancies were filled through the new tests, results came on the same day, and complaints about recruitment fell sharply. The indicators below compare the baseline year with the target and what was achieved.',
      s_effectiveness:
        'The reform met or passed every target the agency set itself. Candidates see their score immediately, so disputes about marking almost disappeared, and the agency can now publish pass marks and rankings for every vacancy without delay.',
      s_successFactors:
        'Strong support from the agency head, a small team that tested the system in two pilot regions first, and open publication of scores. Observers from outside the civil service made the results credible to candidates and the public.',
      s_ease:
        'The hardest part was equipping regional centres and training invigilators; the software itself was straightforward. Power cuts in two districts required backup generators. Overall the agency judged implementation moderately easy once the pilot lessons were applied.',
      s_replicability:
        'Any member state with regional training centres could adopt the approach. The question-bank process and the observer rules transfer directly; the hardware needs depend on the number of candidates and can be phased in region by region.',
      s_lessons:
        'Start with a pilot, publish scores at once, and invite observers from outside. Invest early in question-bank quality, because candidates quickly notice weak or ambiguous questions and trust in the system depends on them.',
      s_sources:
        'Interview with the agency’s director of recruitment (demo), agency annual reports 2021–2024 (demo), and the observers’ summary report (demo). All figures in this case study are fictional and for demonstration only.',
    },
    ratings: {
      people: ['strong', 'Candidates from remote districts travel once instead of twice and see their results the same day.', ['s_results', 's_effectiveness']],
      inclusive: ['evident', 'Regional centres and on-screen results reach candidates outside the capital; accessibility for candidates with disabilities is still partial.', ['s_approach']],
      sustainable: ['evident', 'The agency funds the centres from its regular budget since 2023.', ['s_ease']],
      resilient: ['emerging', 'Backup generators were added after power cuts, but a national outage would still stop testing.', ['s_ease']],
      dynamic: ['strong', 'Question banks are reviewed every year and the system was adapted after the pilot.', ['s_successFactors', 's_lessons']],
      effectiveness: ['strong', 'Every target met or passed.', ['s_results', 's_effectiveness']],
      success: ['strong', 'Complaints fell sharply and scores are trusted.', ['s_effectiveness']],
      ease: ['evident', 'Moderately easy after the pilot.', ['s_ease']],
      replicability: ['strong', 'Transfers to any member state with regional centres.', ['s_replicability']],
    },
    indicators: [
      { name: 'Vacancies filled through computer-assisted tests', unit: '%', baseline: 12, target: 75, actual: 86 },
      { name: 'Days from test to result', unit: 'days', baseline: 90, target: 7, actual: 0 },
      { name: 'Recruitment complaints per 1,000 candidates', unit: 'complaints', baseline: 14.5, target: 5, actual: 2.1 },
    ],
    interviews: ['dewi'],
    quotes: [{ text: 'When candidates see their score on the screen, the argument about who passed is over before it starts.', speaker: 'Dewi Anggraini (demo)', interview: 'dewi', section: 's_effectiveness' }],
    photo: { scene: 'office', caption: 'A regional testing centre during a recruitment session (illustration).', credit: 'Illustration: A-EXPECS demo data', alt: 'Drawing of a room with rows of computer desks.' },
    figure: { metric: 'experts_by_country', filters: {}, title: 'Experts in the pool by country', chart: 'bar', section: 's_results' },
    comments: [{ by: 'curator2', section: 's_results', text: 'The indicators match the annual reports. Approved for the compilation.', resolved: true }],
  },
  {
    type: 'case_study',
    key: 'academy',
    title: 'A digital service-delivery academy for provincial officers (demo)',
    countries: ['TH', 'LA'],
    programme: 'ACCSM cooperation on digital public services (demo)',
    workPlanActivity: 'Joint training of provincial service officers (demo)',
    blueprintObjective: 'An inclusive, digitally capable civil service close to the people (demo)',
    periodStart: '2022-06',
    periodEnd: '2025-03',
    status: 'in_review',
    author: 'somsak',
    expertise: ['competency.digital-skills', 'service-delivery.one-stop', 'learning.e-learning'],
    experts: 2,
    sections: {
      s_context:
        'Two fictional neighbouring provinces on either side of the Mekong wanted their front-line officers to offer services online, yet few officers had used digital tools beyond e-mail. Training was held only in the capitals and rarely in local languages.',
      s_problem:
        'Citizens travelled for hours to provincial offices for simple permits. Officers lacked the skills and the confidence to move services online, and earlier courses in the capital did not reach district staff or speak their language.',
      s_approach:
        'A joint academy trained officers from both provinces together, in Thai and Lao, with blended courses: short classroom weeks followed by online practice on real services. Graduates became coaches for colleagues in their own districts.',
      s_results:
        'Three cohorts graduated and more than forty services moved online in the two provinces. Waiting times at provincial offices fell, and graduates now coach their colleagues, so the training keeps spreading without the academy.',
      s_effectiveness:
        'The academy reached district officers the earlier courses missed, and services moved online faster than planned. The review found that coaching by graduates was the most effective element, more than the classroom weeks themselves.',
      s_successFactors:
        'Training in both national languages, practice on the officers’ own services, and the coach model. Provincial governors attended the graduations, which signalled that the new skills mattered for careers.',
      s_ease:
        'Coordinating two provincial administrations took time, and internet connections in some districts were weak. The blended format made it easier: most practice happened online at the officers’ own pace.',
      s_replicability:
        'The model suits any pair of neighbouring provinces with similar services. The course materials are published in Thai, Lao and English; the coach model needs only a small budget for travel and devices.',
      s_lessons:
        'Teach in the officers’ own language, practise on real services, and make graduates coaches. Plan for weak connections from the start, with materials that work offline.',
      s_sources:
        'Interviews with a provincial training director and a district officer (demo); the academy’s course evaluations (demo). Fictional data for demonstration only.',
    },
    ratings: {
      people: ['evident', 'Citizens reach more services without travelling.', ['s_results']],
      inclusive: ['strong', 'Training in Thai and Lao reached district staff who earlier courses missed; both provinces trained together.', ['s_approach', 's_effectiveness']],
      sustainable: ['emerging', 'Coaches keep the training going, but the academy depends on a cooperation grant.', ['s_results']],
      resilient: ['evident', 'Offline materials kept training going during connection problems.', ['s_ease', 's_lessons']],
      dynamic: ['evident', 'Courses changed after each cohort’s evaluation.', ['s_successFactors']],
      effectiveness: ['evident', 'Services moved online faster than planned.', ['s_effectiveness']],
      success: ['evident', 'Three cohorts graduated; over forty services online.', ['s_results']],
      ease: ['emerging', 'Coordination across two administrations was slow.', ['s_ease']],
      replicability: ['strong', 'Materials are published in three languages.', ['s_replicability']],
    },
    indicators: [
      { name: 'Officers trained', unit: 'officers', baseline: 0, target: 300, actual: 342 },
      { name: 'Services available online', unit: 'services', baseline: 6, target: 35, actual: 43 },
      { name: 'Average wait at provincial offices', unit: 'minutes', baseline: 95, target: 45, actual: 52 },
    ],
    interviews: ['kanya', 'phonesavanh'],
    quotes: [
      { text: 'การฝึกอบรมนี้เปลี่ยนวิธีที่เราให้บริการประชาชน (This training changed the way we serve the people.)', speaker: 'Kanya Wongsa (demo)', interview: 'kanya', section: 's_effectiveness' },
    ],
    photo: { scene: 'classroom', caption: 'Officers from both provinces practise an online permit service (illustration).', credit: 'Illustration: A-EXPECS demo data', alt: 'Drawing of a classroom with a screen and learners at desks.' },
    figure: { metric: 'experts_by_expertise', filters: { countries: ['TH', 'LA'] }, title: 'Experts from Thailand and Lao PDR by expertise area', chart: 'bar', section: 's_replicability' },
    comments: [
      { by: 'maria', section: 's_results', text: 'Can the wait-time figure be split by province? The review may ask.', resolved: false },
      { by: 'curator', section: 's_sources', text: 'Please attach the course evaluations as a source.', resolved: false },
      { by: 'nattapong', section: 's_context', text: 'Context reads well.', resolved: true },
    ],
  },
  {
    type: 'case_study',
    key: 'dialogues',
    title: 'Quarterly performance dialogues in district administrations (demo)',
    countries: ['VN'],
    programme: 'ACCSM Work Plan 2021–2025: performance management (demo)',
    workPlanActivity: 'Peer learning on performance dialogues (demo)',
    blueprintObjective: 'A results-oriented civil service that adapts to change (demo)',
    periodStart: '2023-01',
    periodEnd: null,
    status: 'draft',
    author: 'curator2',
    expertise: ['performance.appraisal', 'performance.indicators'],
    experts: 2,
    sections: {
      s_context:
        'Annual appraisals in three fictional district administrations were a formality: almost everyone received the top grade, and officers rarely discussed their goals with their managers during the year.',
      s_problem:
        'Without regular conversations, problems surfaced only at the end of the year, and the appraisal told managers nothing about who needed support. Officers felt the process was paperwork rather than help.',
      s_approach:
        'Managers hold a short structured dialogue with each officer every quarter: three goals, what went well, what got in the way, and one agreed next step. A one-page form replaces the long annual appraisal.',
      s_results: 'First quarter completed in all three districts; figures to follow.',
      s_ease: 'Managers needed a half-day of training.',
    },
    concurrent: {
      section: 's_lessons',
      versions: [
        ['curator2', 'Keep the form to one page and protect the time for the dialogue in the calendar; otherwise it is the first meeting to be cancelled.'],
        ['hoa', 'Train managers to listen before they advise. The dialogues worked where managers asked questions first and wrote the next step together with the officer.'],
      ],
    },
    ratings: {
      people: ['emerging', 'Officers report feeling heard; effects on citizens not yet measured.', ['s_approach']],
      dynamic: ['evident', 'Goals are revisited every quarter instead of once a year.', ['s_approach', 's_results']],
    },
    indicators: [{ name: 'Officers with a quarterly dialogue', unit: '%', baseline: 0, target: 90, actual: null }],
    interviews: ['thu'],
    quotes: [{ text: 'Đối thoại hằng quý giúp cán bộ hiểu rõ mục tiêu của mình. (The quarterly dialogue helps officers understand their goals.)', speaker: 'Phạm Thị Thu (demo)', interview: 'thu', section: 's_approach' }],
    photo: { scene: 'office', caption: 'A manager and an officer during a quarterly dialogue (illustration).', credit: 'Illustration: A-EXPECS demo data', alt: 'Drawing of two people at a small table in an office.' },
    figure: { metric: 'experts_by_language', filters: { countries: ['VN'] }, title: 'Experts from Viet Nam by language', chart: 'table', section: 's_context' },
    comments: [],
  },
];
