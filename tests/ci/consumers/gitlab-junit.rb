# frozen_string_literal: true

# How GitLab reads a JUnit report into a merge request's test report, run on
# Debian's Ruby with the libraries GitLab's parser
# (lib/gitlab/ci/parsers/test/junit.rb) calls: ActiveSupport's Hash.from_xml
# on Nokogiri. The walk below restates that parser's rules, which are:
#
# - the document becomes a Hash (Hash.from_xml); an element that occurs once
#   is a Hash, several are an Array; an element's text is its value;
# - one top-level <testsuites> at most; test cases are read only below at
#   least one <testsuites> or <testsuite>, and <testsuite> may nest;
# - a case's status is `failed` when it has a <failure>, else `error` with an
#   <error>, else `skipped` with <skipped>, else `success`; what GitLab shows
#   for it (system_output) is that element's value — its text, or its Hash
#   when the element has attributes and no text;
# - `file` is the testcase's attribute; the suite name is the enclosing
#   <testsuite>'s `name`;
# - a document that does not parse sets a suite error and no case.
#
# GitLab's own file could not be vendored here: every stored snapshot of
# GitLab's repository is larger than the 500 MB the fetch tool brings, so the
# rules are restated (see tests/ci/consumers/README.md).
#
# Usage: ruby gitlab-junit.rb report.xml → JSON on stdout.

require 'json'
require 'active_support'
require 'active_support/core_ext/hash/conversions'
require 'active_support/core_ext/object/blank'
require 'nokogiri'

ActiveSupport::XmlMini.backend = 'Nokogiri'

cases = []
suite_error = nil

def each_case(testcase, suite_name, &blk)
  return unless testcase.present?

  [testcase].flatten.compact.each do |tc|
    next unless tc.is_a?(Hash)

    tc['suite_name'] = suite_name
    blk.call(tc)
  end
end

def walk(node, parent, &blk)
  return unless node.present?

  [node].flatten.compact.each do |n|
    next unless n.is_a?(Hash)

    walk(n['testsuites'], node, &blk) unless parent
    each_case(n['testcase'], n['name'], &blk) if parent
    walk(n['testsuite'], node, &blk)
  end
end

def status_of(tc)
  if tc.key?('failure') then ['failed', tc['failure']]
  elsif tc.key?('error') then ['error', tc['error']]
  elsif tc.key?('skipped') then ['skipped', tc['skipped']]
  else ['success', nil]
  end
end

begin
  root = Hash.from_xml(File.read(ARGV.fetch(0)))
  walk(root, nil) do |tc|
    status, output = status_of(tc)
    cases << {
      suite_name: tc['suite_name'],
      classname: tc['classname'],
      name: tc['name'],
      file: tc['file'],
      status: status,
      system_output: output.is_a?(String) ? output : output&.to_s
    }
  end
rescue Nokogiri::XML::SyntaxError => e
  suite_error = "JUnit XML parsing failed: #{e}"
rescue StandardError => e
  suite_error = "JUnit data parsing failed: #{e}"
end

counts = Hash.new(0)
cases.each { |c| counts[c[:status]] += 1 }
puts JSON.generate({ suite_error: suite_error, total: cases.length, counts: counts, cases: cases })
